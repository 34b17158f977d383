//! A labelled `<select>` with its error.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::field_frame::{describedby, FieldFrame};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// `(value, label)` pairs; an empty first choice asks the person to pick one.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The text of the empty first choice.
    #[prop_or(AttrValue::Static("Choisissez"))]
    pub placeholder: AttrValue,
}

#[function_component(SelectField)]
pub fn select_field(props: &Props) -> Html {
    let id = props.id.clone();
    let describedby = describedby(&id, props.hint.as_ref(), None, props.error.as_ref());
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    html! {
        <FieldFrame id={id.clone()} label={props.label.clone()} required={props.required}
            hint={props.hint.clone()} error={props.error.clone()}>
            <select
                id={id.clone()}
                name={id}
                {onchange}
                required={props.required}
                aria-required={props.required.then_some("true")}
                aria-invalid={props.error.as_ref().map(|_| "true")}
                aria-describedby={describedby}
            >
                <option value="" selected={props.value.is_empty()}>{ props.placeholder.clone() }</option>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
                }) }
            </select>
        </FieldFrame>
    }
}
