//! Field errors of a form, from the domain rules (before sending) or from the API's
//! problem (after), keyed by the id of the input that shows them.

use domain::problem::{FieldError, Problem};
use domain::validation::field_errors;
use validator::ValidationErrors;
use yew::AttrValue;

use crate::components::error_summary::SummaryItem;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn from_validation(errors: &ValidationErrors) -> FieldErrors {
        FieldErrors(field_errors(errors))
    }

    pub fn from_problem(problem: &Problem) -> FieldErrors {
        FieldErrors(problem.errors.clone())
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
            .find(|e| input_id(&e.field) == id)
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
            if !fields.iter().any(|(f, _)| *f == id) {
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

/// `captcha.answer` -> `captcha_answer`; the birth date is reported on its first input.
fn input_id(field: &str) -> &str {
    match field {
        "captcha.answer" | "captcha.id" | "captcha" => "captcha_answer",
        "birth_date" => "birth_day",
        other => other,
    }
}
