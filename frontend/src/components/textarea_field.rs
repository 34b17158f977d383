//! A labelled `<textarea>` with its hint and its error, linked by `aria-describedby`.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::field_frame::{describedby, FieldFrame};

#[derive(Properties, PartialEq)]
pub struct Props {
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
    #[prop_or_default]
    pub maxlength: Option<u32>,
    #[prop_or(5)]
    pub rows: u32,
}

#[function_component(TextareaField)]
pub fn textarea_field(props: &Props) -> Html {
    let id = props.id.clone();
    let describedby = describedby(&id, props.hint.as_ref(), None, props.error.as_ref());
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    html! {
        <FieldFrame id={id.clone()} label={props.label.clone()} required={props.required}
            hint={props.hint.clone()} error={props.error.clone()}>
            <textarea
                id={id.clone()}
                name={id}
                rows={props.rows.to_string()}
                value={props.value.clone()}
                {oninput}
                required={props.required}
                maxlength={props.maxlength.map(|m| m.to_string())}
                aria-required={props.required.then_some("true")}
                aria-invalid={props.error.as_ref().map(|_| "true")}
                aria-describedby={describedby}
            />
        </FieldFrame>
    }
}
