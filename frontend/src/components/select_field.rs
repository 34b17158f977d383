//! A labelled `<select>` with its error.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

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
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
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
            <select
                id={id.clone()}
                name={id}
                {onchange}
                required={props.required}
                aria-required={props.required.then_some("true")}
                aria-invalid={props.error.as_ref().map(|_| "true")}
                aria-describedby={(!describedby.is_empty()).then(|| describedby.join(" "))}
            >
                <option value="" selected={props.value.is_empty()}>{ props.placeholder.clone() }</option>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
                }) }
            </select>
            if let Some(error) = &props.error {
                <p id={error_id} class="field-error"><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
            }
        </div>
    }
}
