//! A checkbox with its label beside it and its error.

use web_sys::HtmlInputElement;
use yew::prelude::*;

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
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let describedby: Vec<String> = [
        props.hint.as_ref().map(|_| hint_id.clone()),
        props.error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let onchange = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <div class={classes!("field", "field--checkbox", props.error.as_ref().map(|_| "field--error"))}>
            <input
                type="checkbox"
                id={id.clone()}
                name={id.clone()}
                checked={props.checked}
                {onchange}
                required={props.required}
                aria-required={props.required.then_some("true")}
                aria-invalid={props.error.as_ref().map(|_| "true")}
                aria-describedby={(!describedby.is_empty()).then(|| describedby.join(" "))}
            />
            <label for={id}>
                { props.label.clone() }
                if props.required { <span class="required" aria-hidden="true">{ " *" }</span> }
            </label>
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="hint">{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error"><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
            }
        </div>
    }
}
