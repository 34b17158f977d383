//! Answers as the form's inputs edit them, and the checks of one step or of the whole
//! form with the domain's [`FormDefinition::check`], so the person sees the server's rules.

use domain::problem::FieldError;
use domain::request::form::Answers;
use domain::request::{FieldDefinition, FieldKind, FormDefinition};
use serde_json::Value;

use crate::forms::FieldErrors;

/// The id of the input of an answer.
pub fn input_id(name: &str) -> String {
    format!("answer_{name}")
}

/// The text an input shows for an answer.
pub fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The chosen values of a radio group or of checkboxes.
pub fn chosen(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// What a text input holds as an answer; `None` when empty. A number that does not
/// parse stays text, so the check names the mistake and nothing typed is lost.
pub fn from_text(field: &FieldDefinition, raw: String) -> Option<Value> {
    if raw.trim().is_empty() {
        return None;
    }
    if field.kind == FieldKind::Number {
        if let Ok(n) = raw.trim().parse::<i64>() {
            return Some(Value::from(n));
        }
    }
    Some(Value::String(raw))
}

pub fn from_choices(field: &FieldDefinition, values: Vec<String>) -> Option<Value> {
    match (field.kind, values.as_slice()) {
        (_, []) => None,
        (FieldKind::Checkboxes, _) => Some(Value::from(values)),
        (_, [first, ..]) => Some(Value::String(first.clone())),
    }
}

/// Answers of fields the form no longer has would be refused: they are dropped.
pub fn known(form: &FormDefinition, answers: &Answers) -> Answers {
    answers
        .iter()
        .filter(|(name, _)| form.field(name).is_some())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Errors of the fields of step `index`, every required answer asked.
pub fn step_errors(form: &FormDefinition, index: usize, answers: &Answers) -> FieldErrors {
    let Some(step) = form.steps.get(index) else {
        return FieldErrors::default();
    };
    let errors = form
        .check(answers, true, crate::dates::today())
        .into_iter()
        .filter(|e| {
            step.fields
                .iter()
                .any(|f| answer_name(&e.field) == Some(f.name.as_str()))
        })
        .collect();
    FieldErrors::new(localised(form, errors))
}

/// Errors of the whole form; `complete` asks every required answer (not for drafts).
pub fn form_errors(form: &FormDefinition, answers: &Answers, complete: bool) -> FieldErrors {
    FieldErrors::new(localised(
        form,
        form.check(answers, complete, crate::dates::today()),
    ))
}

/// The step that holds the first of these errors (`answers.x` or `person_id`).
pub fn step_of_errors(form: &FormDefinition, errors: &FieldErrors) -> Option<usize> {
    errors.fields().find_map(|field| match answer_name(field) {
        Some(name) => form
            .steps
            .iter()
            .position(|s| s.fields.iter().any(|f| f.name == name)),
        None => Some(0),
    })
}

/// The field an error is about: `answers.child.birth_name` -> `child`.
fn answer_name(error_field: &str) -> Option<&str> {
    let path = error_field.strip_prefix("answers.")?;
    path.split('.').next()
}

/// Clearer words than the generic ones where the kind of field tells more.
fn localised(form: &FormDefinition, errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| {
            let kind = e
                .field
                .strip_prefix("answers.")
                .and_then(|name| form.field(name))
                .map(|f| f.kind);
            match (kind, e.code.as_str()) {
                (Some(FieldKind::Number), "invalid_type") => {
                    e.with_message("Saisissez un nombre entier, en chiffres.")
                }
                (Some(FieldKind::Checkbox), "required") => {
                    e.with_message("Vous devez cocher cette case pour continuer.")
                }
                (Some(FieldKind::Radio | FieldKind::Select), "required") => {
                    e.with_message("Choisissez une réponse.")
                }
                _ => e,
            }
        })
        .collect()
}

/// The answers being given. Each change applies to the latest answers: fields that fill
/// themselves in at once (the responsable, the default address) keep each other's.
#[derive(Debug, Default, PartialEq)]
pub struct Draft(pub Answers);

impl yew::Reducible for Draft {
    /// A field's new answer, or none to take it back.
    type Action = (String, Option<serde_json::Value>);

    fn reduce(self: std::rc::Rc<Self>, (name, value): Self::Action) -> std::rc::Rc<Self> {
        let mut next = self.0.clone();
        match value {
            Some(v) => next.insert(name, v),
            None => next.remove(&name),
        };
        std::rc::Rc::new(Draft(next))
    }
}
