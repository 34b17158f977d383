//! A procedure's form is configuration: steps of typed fields. The server validates the
//! answers with [`FormDefinition::check`]; the SPA renders the form generically and runs
//! the same check before sending.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::problem::FieldError;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormDefinition {
    #[serde(default)]
    pub steps: Vec<FormStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormStep {
    pub title: String,
    #[serde(default)]
    pub fields: Vec<FieldDefinition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldDefinition {
    /// Key of the answer, `snake_case`.
    pub name: String,
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// For `select`, `radio` and `checkboxes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// For text fields; 200 (`text`) or 4000 (`textarea`) when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The kind of a field, and the JSON type of its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// String, one line.
    Text,
    /// String, several lines.
    Textarea,
    /// String `YYYY-MM-DD`.
    Date,
    /// String, an e-mail address.
    Email,
    /// String, a phone number.
    Phone,
    /// Number (integer).
    Number,
    /// String, one of the choices (drop-down list).
    Select,
    /// String, one of the choices (radio buttons).
    Radio,
    /// Boolean (one box, e.g. an agreement).
    Checkbox,
    /// Array of strings, among the choices.
    Checkboxes,
}

/// Answers by field name.
pub type Answers = BTreeMap<String, Value>;

impl FormDefinition {
    /// The form of a procedure that configures none: an object and a message.
    pub fn message() -> FormDefinition {
        let field = |name: &str, label: &str, kind, max_length| FieldDefinition {
            name: name.into(),
            label: label.into(),
            kind,
            required: true,
            help: None,
            choices: Vec::new(),
            max_length: Some(max_length),
        };
        FormDefinition {
            steps: vec![FormStep {
                title: "Votre demande".into(),
                fields: vec![
                    field("subject", "Objet", FieldKind::Text, 200),
                    field("message", "Message", FieldKind::Textarea, 4000),
                ],
            }],
        }
    }

    pub fn fields(&self) -> impl Iterator<Item = &FieldDefinition> {
        self.steps.iter().flat_map(|s| s.fields.iter())
    }

    pub fn field(&self, name: &str) -> Option<&FieldDefinition> {
        self.fields().find(|f| f.name == name)
    }

    /// Checks answers against the form. With `complete = false` (a draft) missing required
    /// answers are accepted; everything given must still be valid.
    pub fn check(&self, answers: &Answers, complete: bool) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for name in answers.keys() {
            if self.field(name).is_none() {
                errors.push(FieldError::new(format!("answers.{name}"), "unknown_field"));
            }
        }
        for field in self.fields() {
            let path = format!("answers.{}", field.name);
            match answers.get(&field.name).filter(|v| !is_empty(v)) {
                None if field.required && complete => {
                    errors.push(FieldError::new(path, "required"))
                }
                None => {}
                Some(value) => {
                    if let Err(code) = field.check(value) {
                        errors.push(FieldError::new(path, code));
                    }
                }
            }
        }
        errors
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Bool(b) => !b,
        _ => false,
    }
}

impl FieldDefinition {
    fn check(&self, value: &Value) -> Result<(), &'static str> {
        let text = || value.as_str().ok_or("invalid_type");
        let has_choice = |v: &str| self.choices.iter().any(|c| c.value == v);
        match self.kind {
            FieldKind::Text | FieldKind::Textarea => {
                let s = text()?;
                let max = self.max_length.unwrap_or(if self.kind == FieldKind::Text {
                    200
                } else {
                    4000
                });
                if s.chars().count() > max as usize {
                    return Err("too_long");
                }
                let multiline = self.kind == FieldKind::Textarea;
                if s.chars().any(|c| {
                    c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t'))
                }) {
                    return Err("invalid_characters");
                }
                Ok(())
            }
            FieldKind::Date => NaiveDate::parse_from_str(text()?, "%Y-%m-%d")
                .map(|_| ())
                .map_err(|_| "invalid_date"),
            FieldKind::Email => crate::email::Email::parse(text()?).map(|_| ()),
            FieldKind::Phone => crate::phone::normalise(text()?).map(|_| ()),
            FieldKind::Number => value.as_i64().map(|_| ()).ok_or("invalid_type"),
            FieldKind::Select | FieldKind::Radio => {
                if has_choice(text()?) {
                    Ok(())
                } else {
                    Err("invalid_value")
                }
            }
            FieldKind::Checkbox => value.as_bool().map(|_| ()).ok_or("invalid_type"),
            FieldKind::Checkboxes => {
                let items = value.as_array().ok_or("invalid_type")?;
                if items.iter().all(|v| v.as_str().is_some_and(has_choice)) {
                    Ok(())
                } else {
                    Err("invalid_value")
                }
            }
        }
    }

    /// The answer as a person reads it (recap and print pages).
    pub fn display(&self, value: &Value) -> String {
        let choice = |v: &str| {
            self.choices
                .iter()
                .find(|c| c.value == v)
                .map(|c| c.label.clone())
                .unwrap_or_else(|| v.to_string())
        };
        match (self.kind, value) {
            (_, Value::Null) => String::new(),
            (FieldKind::Checkbox, Value::Bool(b)) => if *b { "Oui" } else { "Non" }.into(),
            (FieldKind::Date, Value::String(s)) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|_| s.clone()),
            (FieldKind::Select | FieldKind::Radio, Value::String(s)) => choice(s),
            (FieldKind::Checkboxes, Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(choice)
                .collect::<Vec<_>>()
                .join(", "),
            (_, Value::String(s)) => s.clone(),
            (_, other) => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn form() -> FormDefinition {
        serde_json::from_value(json!({"steps": [{"title": "Votre demande", "fields": [
            {"name": "subject", "label": "Objet", "kind": "text", "required": true, "max_length": 10},
            {"name": "date", "label": "Date", "kind": "date"},
            {"name": "room", "label": "Salle", "kind": "select", "required": true,
             "choices": [{"value": "fetes", "label": "Salle des fêtes"}]},
            {"name": "terms", "label": "J'accepte", "kind": "checkbox", "required": true},
        ]}]}))
        .unwrap()
    }

    fn answers(value: serde_json::Value) -> Answers {
        serde_json::from_value(value).unwrap()
    }

    fn codes(errors: Vec<FieldError>) -> Vec<(String, String)> {
        errors.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn complete_answers_pass_and_drafts_may_be_incomplete() {
        let ok = answers(
            json!({"subject": "Mariage", "date": "2027-06-12", "room": "fetes", "terms": true}),
        );
        assert!(form().check(&ok, true).is_empty());
        assert!(form()
            .check(&answers(json!({"subject": "Mariage"})), false)
            .is_empty());
        assert_eq!(
            codes(form().check(&answers(json!({"subject": "Mariage"})), true)),
            [
                ("answers.room".to_string(), "required".to_string()),
                ("answers.terms".into(), "required".into())
            ]
        );
    }

    #[test]
    fn wrong_answers_are_named() {
        let bad = answers(
            json!({"subject": "Beaucoup trop long", "date": "12/06/2027", "room": "piscine", "extra": 1}),
        );
        assert_eq!(
            codes(form().check(&bad, false)),
            [
                ("answers.extra".to_string(), "unknown_field".to_string()),
                ("answers.subject".into(), "too_long".into()),
                ("answers.date".into(), "invalid_date".into()),
                ("answers.room".into(), "invalid_value".into()),
            ]
        );
    }

    #[test]
    fn answers_display_as_people_read_them() {
        let f = form();
        assert_eq!(
            f.field("date").unwrap().display(&json!("2027-06-12")),
            "12/06/2027"
        );
        assert_eq!(
            f.field("room").unwrap().display(&json!("fetes")),
            "Salle des fêtes"
        );
        assert_eq!(f.field("terms").unwrap().display(&json!(true)), "Oui");
    }
}
