//! A checkbox with its label beside it and its error.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_frame::{describedby, FieldFrame, Layout};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub onchange: Callback<bool>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

#[function_component(Checkbox)]
pub fn checkbox(props: &Props) -> Html {
    let id = props.id.clone();
    let describedby = describedby(&id, props.hint.as_ref(), None, props.error.as_ref());
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <FieldFrame id={id.clone()} label={props.label.clone()} required={props.required}
            hint={props.hint.clone()} error={props.error.clone()} layout={Layout::Checkbox}>
            <input
                type="checkbox"
                id={id.clone()}
                name={id}
                checked={props.checked}
                {onchange}
                required={props.required}
                aria-required={props.required.then_some("true")}
                aria-invalid={props.error.as_ref().map(|_| "true")}
                aria-describedby={describedby}
            />
        </FieldFrame>
    }
}
