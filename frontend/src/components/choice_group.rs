//! Radio buttons (one answer) or checkboxes (several) in a `fieldset` whose `legend` is
//! the question. Each input's id is `<id>_<value>`; the fieldset's is `<id>`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_frame::{describedby, FieldFrame, Layout};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub legend: AttrValue,
    /// `(value, label)` pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The chosen values: at most one for radio buttons.
    pub selected: Vec<String>,
    /// The new chosen values.
    pub onchange: Callback<Vec<String>>,
    /// Several answers (checkboxes) rather than one (radio buttons).
    #[prop_or_default]
    pub multiple: bool,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A value as it may appear in an id.
pub fn id_part(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[function_component(ChoiceGroup)]
pub fn choice_group(props: &Props) -> Html {
    let id = props.id.clone();
    let describedby = describedby(&id, props.hint.as_ref(), None, props.error.as_ref());
    let kind = if props.multiple { "checkbox" } else { "radio" };
    let option = |(value, label): &(AttrValue, AttrValue)| {
        let input_id = format!("{id}_{}", id_part(value));
        let checked = props.selected.iter().any(|s| s == value.as_str());
        let onchange = {
            let (cb, selected, value, multiple) = (
                props.onchange.clone(),
                props.selected.clone(),
                value.to_string(),
                props.multiple,
            );
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let next = if !multiple {
                    vec![value.clone()]
                } else if on {
                    let mut next = selected.clone();
                    if !next.contains(&value) {
                        next.push(value.clone());
                    }
                    next
                } else {
                    selected.iter().filter(|s| **s != value).cloned().collect()
                };
                cb.emit(next);
            })
        };
        html! {
            <div class="radio">
                <input type={kind} id={input_id.clone()} name={id.clone()} value={value.clone()}
                    {checked} {onchange} required={props.required && !props.multiple}
                    aria-invalid={props.error.as_ref().map(|_| "true")}
                    aria-describedby={describedby.clone()} />
                <label for={input_id}>{ label.clone() }</label>
            </div>
        }
    };
    html! {
        <FieldFrame id={id.clone()} label={props.legend.clone()} required={props.required}
            hint={props.hint.clone()} error={props.error.clone()}
            layout={Layout::Fieldset { class: "choice-group", with_id: true }}>
            { for props.options.iter().map(option) }
        </FieldFrame>
    }
}
