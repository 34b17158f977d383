//! Field errors of a form, from the domain rules (before sending) or from the API's
//! problem (after), keyed by the id of the input that shows them.

use std::borrow::Cow;

use domain::problem::{FieldError, Problem};
use domain::validation::field_errors;
use validator::ValidationErrors;
use yew::AttrValue;

use crate::components::error_summary::SummaryItem;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldErrors(Vec<FieldError>);

/// How a form's input ids follow from the API's field names, when they differ (two forms
/// of one page both have a `current_password`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Inputs {
    /// The ids are the field names.
    #[default]
    Named,
    /// The ids are the field names behind a prefix (`address_postal_code`).
    Prefixed(&'static str),
    /// Some fields have ids of their own: `(field, id)`.
    Renamed(&'static [(&'static str, &'static str)]),
}

impl FieldErrors {
    pub fn from_validation(errors: &ValidationErrors) -> FieldErrors {
        FieldErrors(field_errors(errors))
    }

    pub fn new(errors: Vec<FieldError>) -> FieldErrors {
        FieldErrors(errors)
    }

    /// The API's field names (`answers.event_date`), in order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|e| e.field.as_str())
    }

    pub fn from_problem(problem: &Problem) -> FieldErrors {
        FieldErrors(problem.errors.clone())
    }

    /// The same errors for inputs whose ids are the API's field names behind `prefix`
    /// (`postal_code` shown under `address_postal_code`).
    pub fn prefixed(self, prefix: &str) -> FieldErrors {
        FieldErrors(
            self.0
                .into_iter()
                .map(|mut e| {
                    e.field = format!("{prefix}{}", e.field);
                    e
                })
                .collect(),
        )
    }

    /// The same errors keyed by the ids of the form's inputs.
    pub fn on(self, inputs: Inputs) -> FieldErrors {
        match inputs {
            Inputs::Named => self,
            Inputs::Prefixed(prefix) => self.prefixed(prefix),
            Inputs::Renamed(names) => FieldErrors(
                self.0
                    .into_iter()
                    .map(|mut e| {
                        if let Some((_, id)) = names.iter().find(|(field, _)| *field == e.field) {
                            e.field = (*id).to_string();
                        }
                        e
                    })
                    .collect(),
            ),
        }
    }

    pub fn push(&mut self, field: &str, code: &str) {
        self.0.push(FieldError::new(field, code));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn touches(&self, prefix: &str) -> bool {
        self.0.iter().any(|e| e.field.starts_with(prefix))
    }

    /// The message to show under the input `id` (the first one, when several).
    pub fn get(&self, id: &str) -> Option<AttrValue> {
        self.0
            .iter()
            .find(|e| input_id(&e.field) == *id)
            .map(|e| AttrValue::from(e.message.clone()))
    }

    /// One line per input in the order of the form, for the error summary.
    pub fn summary(&self, fields: &[(&'static str, &'static str)]) -> Vec<SummaryItem> {
        let mut items: Vec<SummaryItem> = fields
            .iter()
            .filter_map(|(id, label)| {
                self.get(id).map(|message| SummaryItem {
                    id: AttrValue::Static(id),
                    label: AttrValue::Static(label),
                    message,
                })
            })
            .collect();
        // A field the form does not know (should not happen) is still reported.
        for e in &self.0 {
            let id = input_id(&e.field);
            if !fields.iter().any(|(f, _)| *f == id.as_ref()) {
                items.push(SummaryItem {
                    id: AttrValue::from(String::new()),
                    label: AttrValue::from(e.field.clone()),
                    message: AttrValue::from(e.message.clone()),
                });
            }
        }
        items
    }
}

/// A text input for an optional value: blank means none.
pub fn optional_text(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// `captcha.answer` -> `captcha_answer`; the birth date is reported on its first input;
/// a request's `answers.event_date` is shown under `answer_event_date` (and a part of an
/// answer, `answers.child.birth_name`, under `answer_child_birth_name`).
fn input_id(field: &str) -> Cow<'_, str> {
    match field {
        "captcha.answer" | "captcha.id" | "captcha" => Cow::Borrowed("captcha_answer"),
        "birth_date" => Cow::Borrowed("birth_day"),
        other => match other.strip_prefix("answers.") {
            Some(name) => Cow::Owned(format!("answer_{}", name.replace('.', "_"))),
            None => Cow::Borrowed(other),
        },
    }
}
