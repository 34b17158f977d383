//! One field of a procedure's form, drawn by its kind with the shared form controls.
//! The input's id is `answer_<name>` (radio buttons and checkboxes: the fieldset's).

use domain::request::{FieldDefinition, FieldKind};
use serde_json::Value;
use yew::prelude::*;

use super::answers::{chosen, from_choices, from_text, input_id, text};
use crate::components::checkbox::Checkbox;
use crate::components::choice_group::ChoiceGroup;
use crate::components::date_field::{DateField, DateParts};
use crate::components::field::TextField;
use crate::components::select_field::SelectField;
use crate::components::textarea_field::TextareaField;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: FieldDefinition,
    pub value: Option<Value>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Whether it must be answered, given the answers so far.
    pub required: bool,
    /// The new answer; `None` when emptied.
    pub onchange: Callback<Option<Value>>,
}

#[function_component(AnswerField)]
pub fn answer_field(props: &Props) -> Html {
    let f = &props.field;
    let id = AttrValue::from(input_id(&f.name));
    let label = AttrValue::from(f.label.clone());
    let bounds = match (f.kind, f.min, f.max) {
        (FieldKind::Number, Some(min), Some(max)) => Some(format!("Nombre entre {min} et {max}.")),
        _ => None,
    };
    let hint = match (f.help.clone(), bounds) {
        (Some(help), Some(bounds)) => Some(format!("{help} {bounds}")),
        (help, bounds) => help.or(bounds),
    }
    .map(AttrValue::from);
    let error = props.error.clone();
    let required = props.required;
    let value = AttrValue::from(text(props.value.as_ref()));
    let on_text = {
        let (cb, field) = (props.onchange.clone(), f.clone());
        Callback::from(move |raw: String| cb.emit(from_text(&field, raw)))
    };
    let on_choices = {
        let (cb, field, before) = (
            props.onchange.clone(),
            f.clone(),
            chosen(props.value.as_ref()),
        );
        Callback::from(move |values: Vec<String>| {
            cb.emit(from_choices(&field, exclusive(&field, &before, values)))
        })
    };
    let options: Vec<(AttrValue, AttrValue)> = f
        .choices
        .iter()
        .map(|c| {
            (
                AttrValue::from(c.value.clone()),
                AttrValue::from(c.label.clone()),
            )
        })
        .collect();
    let input = |input_type: &'static str, inputmode: Option<&'static str>| {
        html! {
            <TextField id={id.clone()} label={label.clone()} value={value.clone()} oninput={on_text.clone()}
                {required} error={error.clone()} hint={hint.clone()} input_type={input_type}
                inputmode={inputmode.map(AttrValue::Static)} autocomplete="off" />
        }
    };
    match f.kind {
        FieldKind::Text => input("text", None),
        FieldKind::Date => {
            let onchange = {
                let cb = props.onchange.clone();
                Callback::from(move |parts: DateParts| cb.emit(parts.to_text().map(Value::String)))
            };
            let parts = DateParts::from_text(&text(props.value.as_ref()));
            html! {
                <DateField prefix={id} legend={label} value={parts} {onchange} {required} {error} />
            }
        }
        FieldKind::Email => input("email", Some("email")),
        FieldKind::Phone => input("tel", Some("tel")),
        FieldKind::Number => input("text", Some("numeric")),
        FieldKind::Textarea => html! {
            <TextareaField {id} {label} {value} oninput={on_text} {required} {error} {hint}
                maxlength={Some(f.max_length.unwrap_or(4000))} />
        },
        FieldKind::Select => html! {
            <SelectField {id} {label} {value} {options} onchange={on_text} {required} {error} {hint} />
        },
        FieldKind::Radio | FieldKind::Checkboxes => html! {
            <ChoiceGroup {id} legend={label} {options} selected={chosen(props.value.as_ref())}
                onchange={on_choices} multiple={f.kind == FieldKind::Checkboxes} {required} {error} {hint} />
        },
        FieldKind::YesNo => {
            let options = vec![
                (AttrValue::Static("true"), AttrValue::Static("Oui")),
                (AttrValue::Static("false"), AttrValue::Static("Non")),
            ];
            let selected = match props.value {
                Some(Value::Bool(b)) => vec![b.to_string()],
                _ => Vec::new(),
            };
            let onchange = {
                let cb = props.onchange.clone();
                Callback::from(move |values: Vec<String>| {
                    cb.emit(values.first().map(|v| Value::Bool(v == "true")))
                })
            };
            html! {
                <ChoiceGroup {id} legend={label} {options} {selected} {onchange}
                    multiple=false {required} {error} {hint} />
            }
        }
        FieldKind::Checkbox => {
            let onchange = {
                let cb = props.onchange.clone();
                Callback::from(move |on: bool| cb.emit(Some(Value::Bool(on))))
            };
            let checked = matches!(props.value, Some(Value::Bool(true)));
            html! { <Checkbox {id} {label} {checked} {onchange} {required} {error} {hint} /> }
        }
        FieldKind::Notice => html! {
            <div class="form-notice" {id}>
                <p>{ &f.label }</p>
                if let Some(help) = &f.help { <p class="hint">{ help }</p> }
            </div>
        },
        // Drawn by the step: a `PersonField` with its modal, an `AddressField`, a
        // `GroupField`, a `SignatureField`, a `DocumentsField`.
        FieldKind::Documents
        | FieldKind::Child
        | FieldKind::Adult
        | FieldKind::Address
        | FieldKind::Group
        | FieldKind::Signature => Html::default(),
    }
}

/// An exclusive choice ("n'emprunte pas") just ticked unticks the others; another one
/// just ticked unticks it.
fn exclusive(field: &FieldDefinition, before: &[String], mut values: Vec<String>) -> Vec<String> {
    if let Some(only) = &field.exclusive {
        if values.contains(only) && values.len() > 1 {
            if before.contains(only) {
                values.retain(|v| v != only);
            } else {
                values.retain(|v| v == only);
            }
        }
    }
    values
}
