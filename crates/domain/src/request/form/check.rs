//! Answers against the form: the check the server runs on every save and the SPA before
//! sending.

use chrono::{NaiveDate, TimeDelta};
use serde_json::Value;

use super::{Answers, DateRule, FieldDefinition, FieldKind, FormDefinition, UPCOMING_DAYS};
use crate::problem::FieldError;
use crate::text::{has_bidi_controls, has_control_chars};

impl FormDefinition {
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
                None if complete && self.required(field, answers) => {
                    errors.push(FieldError::new(path, "required"))
                }
                None => {}
                Some(value) => match field.check(value, today) {
                    Err(error) => errors.push(error.at(path)),
                    Ok(()) if matches!(field.kind, FieldKind::Child | FieldKind::Adult) => {
                        errors.extend(field.person_problems(value, today, &path))
                    }
                    Ok(()) if field.kind == FieldKind::Address => {
                        errors.extend(super::address::problems(value, &path))
                    }
                    Ok(()) if field.kind == FieldKind::Group => {
                        errors.extend(field.item_problems(value, complete, today, &path))
                    }
                    Ok(()) if field.kind == FieldKind::Signature => {
                        errors.extend(field.signature_problems(value, complete, &path))
                    }
                    Ok(()) => {}
                },
            }
        }
        errors
    }
}

impl FieldDefinition {
    /// No answer: nothing, blank text, no choice, an unticked box ("Non" is an answer to
    /// a yes/no question).
    pub(super) fn unanswered(&self, value: &Value) -> bool {
        match value {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Bool(b) => !b && self.kind != FieldKind::YesNo,
            // A signature neither ticked nor typed.
            Value::Object(map) if self.kind == FieldKind::Signature => {
                map.get("certified") != Some(&Value::Bool(true))
                    && map
                        .get("name")
                        .and_then(Value::as_str)
                        .is_none_or(|n| n.trim().is_empty())
            }
            _ => false,
        }
    }
}

/// A wrong answer: its code, and a message when the generic one says too little.
pub(super) struct Wrong(&'static str, Option<String>);

impl Wrong {
    pub(super) fn at(self, path: String) -> FieldError {
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
    pub(super) fn check(&self, value: &Value, today: NaiveDate) -> Result<(), Wrong> {
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
            // The identity of a new person, a new address, are checked field by field
            // afterwards.
            FieldKind::Child | FieldKind::Adult | FieldKind::Address => match value {
                Value::Number(n) if n.as_i64().is_some_and(|id| id > 0) => Ok(()),
                Value::Object(_) if self.kind != FieldKind::Adult || self.allow_add => Ok(()),
                _ => Err("invalid_type".into()),
            },
            FieldKind::Group => {
                let count = value.as_array().ok_or("invalid_type")?.len() as i64;
                let (min, max) = (self.min.unwrap_or(0), self.max.unwrap_or(20));
                if count < min {
                    Err(Wrong(
                        "too_few_items",
                        Some(format!("Ajoutez-en au moins {min}.")),
                    ))
                } else if count > max {
                    Err(Wrong("too_many_items", Some(format!("{max} au plus."))))
                } else {
                    Ok(())
                }
            }
            FieldKind::Notice | FieldKind::Documents => Err("not_applicable".into()),
            FieldKind::Signature => match value {
                Value::Object(_) => Ok(()),
                _ => Err("invalid_type".into()),
            },
            FieldKind::Checkboxes => {
                let items = value.as_array().ok_or("invalid_type")?;
                let alone = |only: &String| items.len() > 1 && items.iter().any(|v| v == only);
                if !items.iter().all(|v| v.as_str().is_some_and(has_choice)) {
                    Err("invalid_value".into())
                } else if self.exclusive.as_ref().is_some_and(alone) {
                    Err("exclusive_choice".into())
                } else {
                    Ok(())
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
}
