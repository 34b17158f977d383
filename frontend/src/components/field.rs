//! A labelled input with its hint and its error, linked by `aria-describedby`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

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
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describedby: Vec<String> = [
        props.hint.as_ref().map(|_| hint_id.clone()),
        props.describedby.as_ref().map(|d| d.to_string()),
        props.error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let oninput = {
        let cb = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
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
            <input
                id={id.clone()}
                name={id}
                type={props.input_type.clone()}
                value={props.value.clone()}
                {oninput}
                required={props.required}
                aria-required={props.required.then_some("true")}
                aria-invalid={props.error.as_ref().map(|_| "true")}
                aria-describedby={(!describedby.is_empty()).then(|| describedby.join(" "))}
                autocomplete={props.autocomplete.clone()}
                inputmode={props.inputmode.clone()}
                disabled={props.disabled}
            />
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error"><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
            }
        </div>
    }
}
