//! A procedure's form is configuration: steps of typed fields. The server validates the
//! answers with [`FormDefinition::check`]; the SPA renders the form generically and runs
//! the same check before sending.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::problem::FieldError;
use crate::text::{has_bidi_controls, has_control_chars};

/// How far ahead an `upcoming` date may lie.
pub const UPCOMING_DAYS: i64 = 2 * 366;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"steps": [{"title": "Votre événement", "fields": [{"name": "event_date", "label": "Date de l'événement", "kind": "date", "required": true, "dates": "upcoming"}, {"name": "guests", "label": "Nombre de personnes attendues", "kind": "number", "required": true, "min": 1, "max": 150}]}]})))]
pub struct FormDefinition {
    #[serde(default)]
    pub steps: Vec<FormStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"title": "Votre événement", "fields": [{"name": "event_date", "label": "Date de l'événement", "kind": "date", "required": true, "dates": "upcoming"}, {"name": "guests", "label": "Nombre de personnes attendues", "kind": "number", "required": true, "min": 1, "max": 150}]})))]
pub struct FormStep {
    pub title: String,
    #[serde(default)]
    pub fields: Vec<FieldDefinition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "guests", "label": "Nombre de personnes attendues", "kind": "number", "required": true, "min": 1, "max": 150})))]
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
    /// For `number`: the smallest answer accepted (required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// For `number`: the largest answer accepted (required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// For `date`: where the date must lie (required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateRule>,
    /// Asked only when an earlier answer has a value ("Mon enfant a besoin d'un PAI" ->
    /// its details); a hidden field is neither required nor accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_when: Option<FieldCondition>,
}

/// "When the answer to `field` is `equals`".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"field": "pai", "equals": true})))]
pub struct FieldCondition {
    pub field: String,
    /// An answer of that field (`true` / `false` for a yes/no, a choice's value).
    #[cfg_attr(feature = "openapi", schema(value_type = AnswerValue))]
    pub equals: Value,
}

impl FieldCondition {
    pub fn holds(&self, answers: &Answers) -> bool {
        answers.get(&self.field) == Some(&self.equals)
    }
}

/// Where the answer of a `date` field may lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateRule {
    /// From 1 January 1900 to today (a date of birth, a past event).
    Past,
    /// After today, at most [`UPCOMING_DAYS`] ahead (a booking, an event to come).
    Upcoming,
    /// Any date from 1900 on, at most [`UPCOMING_DAYS`] ahead (a period, a deadline).
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"value": "mariage", "label": "Mariage"})))]
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
    /// Boolean, answered "Oui" or "Non" (both are answers).
    YesNo,
    /// Array of strings, among the choices.
    Checkboxes,
}

/// Answers by field name.
pub type Answers = BTreeMap<String, Value>;

/// One answer, of the JSON type its field's kind gives (see [`FieldKind`]): text for
/// `text`, `textarea`, `date` (`YYYY-MM-DD`), `email`, `phone`, `select` and `radio`; an
/// integer for `number`; a boolean for `checkbox` and `yes_no`; a list of choice values for
/// `checkboxes`. The spec's type only: answers are kept as JSON and checked against the
/// form.
#[cfg(feature = "openapi")]
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum AnswerValue {
    Text(String),
    Number(i64),
    Flag(bool),
    Choices(Vec<String>),
}

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
            min: None,
            max: None,
            dates: None,
            shown_when: None,
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

    /// Whether `field` is asked, given the answers so far.
    pub fn shown(&self, field: &FieldDefinition, answers: &Answers) -> bool {
        field.shown_when.as_ref().is_none_or(|c| c.holds(answers))
    }

    /// The answers of the fields asked: those the form has and shows.
    pub fn asked(&self, answers: &Answers) -> Answers {
        answers
            .iter()
            .filter(|(name, _)| self.field(name).is_some_and(|f| self.shown(f, answers)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// What is wrong with the form itself, for the configuration check at start: names
    /// unique and `snake_case`, bounds on every number and date, choices where chosen.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut names = std::collections::BTreeSet::new();
        for f in self.fields() {
            let name = &f.name;
            if let Some(c) = &f.shown_when {
                // The condition reads an earlier answer, and one that answer can have.
                let earlier = self
                    .fields()
                    .take_while(|e| e.name != *name)
                    .find(|e| e.name == c.field);
                let reference = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
                match earlier {
                    None => problems.push(format!(
                        "field `{name}`: `shown_when` names `{}`, not an earlier field",
                        c.field
                    )),
                    Some(e) if e.check(&c.equals, reference).is_err() => problems.push(format!(
                        "field `{name}`: `shown_when` expects an answer `{}` cannot have",
                        c.field
                    )),
                    Some(_) => {}
                }
            }
            if !names.insert(name.as_str()) {
                problems.push(format!("field `{name}` appears twice"));
            }
            let snake = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
            if name.is_empty() || !name.chars().all(snake) {
                problems.push(format!("field `{name}`: names are snake_case"));
            }
            match f.kind {
                FieldKind::Number => match (f.min, f.max) {
                    (Some(min), Some(max)) if min <= max => {}
                    _ => problems.push(format!("number field `{name}` needs `min` <= `max`")),
                },
                FieldKind::Date if f.dates.is_none() => problems.push(format!(
                    "date field `{name}` needs `dates` (past, upcoming or any)"
                )),
                FieldKind::Select | FieldKind::Radio | FieldKind::Checkboxes
                    if f.choices.is_empty() =>
                {
                    problems.push(format!("field `{name}` needs `choices`"))
                }
                _ => {}
            }
        }
        problems
    }

    /// Checks answers against the form, dates against `today`. With `complete = false` (a
    /// draft) missing required answers are accepted; everything given must still be valid.
    pub fn check(&self, answers: &Answers, complete: bool, today: NaiveDate) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for name in answers.keys() {
            if self.field(name).is_none() {
                errors.push(FieldError::new(format!("answers.{name}"), "unknown_field"));
            }
        }
        for field in self.fields() {
            let path = format!("answers.{}", field.name);
            let given = answers.get(&field.name).filter(|v| !field.unanswered(v));
            if !self.shown(field, answers) {
                if given.is_some() {
                    errors.push(FieldError::new(path, "not_applicable"));
                }
                continue;
            }
            match given {
                None if field.required && complete => {
                    errors.push(FieldError::new(path, "required"))
                }
                None => {}
                Some(value) => {
                    if let Err(error) = field.check(value, today) {
                        errors.push(error.at(path));
                    }
                }
            }
        }
        errors
    }
}

impl FieldDefinition {
    /// No answer: nothing, blank text, no choice, an unticked box ("Non" is an answer to
    /// a yes/no question).
    fn unanswered(&self, value: &Value) -> bool {
        match value {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Bool(b) => !b && self.kind != FieldKind::YesNo,
            _ => false,
        }
    }
}

/// A wrong answer: its code, and a message when the generic one says too little.
struct Wrong(&'static str, Option<String>);

impl Wrong {
    fn at(self, path: String) -> FieldError {
        let error = FieldError::new(path, self.0);
        match self.1 {
            Some(message) => error.with_message(message),
            None => error,
        }
    }
}

impl From<&'static str> for Wrong {
    fn from(code: &'static str) -> Wrong {
        Wrong(code, None)
    }
}

fn oldest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN)
}

impl FieldDefinition {
    fn check(&self, value: &Value, today: NaiveDate) -> Result<(), Wrong> {
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
                    return Err("too_long".into());
                }
                let one_line = self.kind == FieldKind::Text && s.contains(['\n', '\r', '\t']);
                if one_line || has_control_chars(s) || has_bidi_controls(s) {
                    return Err("invalid_characters".into());
                }
                Ok(())
            }
            FieldKind::Date => {
                let date =
                    NaiveDate::parse_from_str(text()?, "%Y-%m-%d").map_err(|_| "invalid_date")?;
                self.check_date(date, today)
            }
            FieldKind::Email => Ok(crate::email::Email::parse(text()?).map(|_| ())?),
            FieldKind::Phone => Ok(crate::phone::normalise(text()?).map(|_| ())?),
            FieldKind::Number => {
                let n = value.as_i64().ok_or("invalid_type")?;
                let (min, max) = (self.min.unwrap_or(i64::MIN), self.max.unwrap_or(i64::MAX));
                let between = || Some(format!("Saisissez un nombre entre {min} et {max}."));
                if n < min {
                    Err(Wrong("too_small", between()))
                } else if n > max {
                    Err(Wrong("too_large", between()))
                } else {
                    Ok(())
                }
            }
            FieldKind::Select | FieldKind::Radio => {
                if has_choice(text()?) {
                    Ok(())
                } else {
                    Err("invalid_value".into())
                }
            }
            FieldKind::Checkbox | FieldKind::YesNo => {
                value.as_bool().map(|_| ()).ok_or("invalid_type".into())
            }
            FieldKind::Checkboxes => {
                let items = value.as_array().ok_or("invalid_type")?;
                if items.iter().all(|v| v.as_str().is_some_and(has_choice)) {
                    Ok(())
                } else {
                    Err("invalid_value".into())
                }
            }
        }
    }

    fn check_date(&self, date: NaiveDate, today: NaiveDate) -> Result<(), Wrong> {
        let horizon = today + TimeDelta::days(UPCOMING_DAYS);
        let rule = self.dates.unwrap_or(DateRule::Any);
        if date < oldest_date() {
            Err("date_too_old".into())
        } else if rule == DateRule::Past && date > today {
            Err("date_in_future".into())
        } else if rule == DateRule::Upcoming && date <= today {
            Err("date_not_upcoming".into())
        } else if rule != DateRule::Past && date > horizon {
            Err("date_too_far".into())
        } else {
            Ok(())
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
            (FieldKind::Checkbox | FieldKind::YesNo, Value::Bool(b)) => {
                if *b { "Oui" } else { "Non" }.into()
            }
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
#[path = "form_tests.rs"]
mod tests;
