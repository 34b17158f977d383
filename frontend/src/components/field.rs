//! A labelled input with its hint and its error, linked by `aria-describedby`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_frame::{describedby, FieldFrame};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Also the input's name; stable, used by the error summary and the browser tests.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Ids of other elements that describe the input (password rules, strength meter).
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component(TextField)]
pub fn text_field(props: &Props) -> Html {
    let id = props.id.clone();
    let describedby = describedby(
        &id,
        props.hint.as_ref(),
        props.describedby.as_ref(),
        props.error.as_ref(),
    );
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <FieldFrame id={id.clone()} label={props.label.clone()} required={props.required}
            hint={props.hint.clone()} error={props.error.clone()}>
            <input
                id={id.clone()}
                name={id}
                type={props.input_type.clone()}
                value={props.value.clone()}
                {oninput}
                required={props.required}
                aria-required={props.required.then_some("true")}
                aria-invalid={props.error.as_ref().map(|_| "true")}
                aria-describedby={describedby}
                autocomplete={props.autocomplete.clone()}
                inputmode={props.inputmode.clone()}
                disabled={props.disabled}
            />
        </FieldFrame>
    }
}
