//! A labelled `<textarea>` with its hint and its error, linked by `aria-describedby`.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

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
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describedby: Vec<String> = [
        props.hint.as_ref().map(|_| hint_id.clone()),
        props.error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    html! {
        <div class={classes!("field", props.error.as_ref().map(|_| "field--error"))}>
            <label for={id.clone()}>
                { props.label.clone() }
                if props.required { <span class="required" aria-hidden="true">{ " *" }</span> }
            </label>
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="hint">{ hint.clone() }</p>
            }
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
                aria-describedby={(!describedby.is_empty()).then(|| describedby.join(" "))}
            />
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error"><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
            }
        </div>
    }
}
