//! The answer of a `child` or an `adult` field: a person already in the household, or one
//! to add with the manuals' "Ajouter un enfant" modal (sexe, nom de naissance, prénoms,
//! date, pays, commune and département de naissance), the same for an adult.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::civility::Sex;
use crate::ids::PersonId;
use crate::problem::FieldError;
use crate::validation::{birth_date, department, optional_person_name, person_name, place};

/// A person to add to the household when the fiche is accepted: a child (matched to a
/// child the town hall already knows, by birth name, first name and birth date) or an
/// adult (the partner).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"sex": "male", "birth_name": "DUPIN", "first_name": "Tim", "birth_date": "2019-05-14", "birth_country": "France", "birth_city": "Boulogne-sur-Mer", "birth_department": "62"})))]
pub struct NewPerson {
    pub sex: Sex,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
    pub birth_name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
    pub first_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub second_first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    pub third_first_name: Option<String>,
    /// `YYYY-MM-DD`, from 1900 to today.
    pub birth_date: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub birth_country: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub birth_city: String,
    /// Required when born in France: `01`-`95`, `2A`, `2B`, `971`-`976`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = r"^([0-9]{2,3}|2[AB])$"))]
    pub birth_department: Option<String>,
}

impl NewPerson {
    /// Whether a known person has this identity: same names (whatever the case, accents
    /// and spaces) and birth date.
    pub fn is(&self, birth_name: &str, first_name: &str, birth_date: Option<NaiveDate>) -> bool {
        let key = |s: &str| crate::text::fold(&s.split_whitespace().collect::<Vec<_>>().join(" "));
        key(&self.birth_name) == key(birth_name)
            && key(&self.first_name) == key(first_name)
            && Some(self.birth_date) == birth_date
    }

    /// "DUPIN Tim".
    pub fn display_name(&self) -> String {
        format!(
            "{} {}",
            self.birth_name.trim().to_uppercase(),
            self.first_name.trim()
        )
    }
}

/// The youngest an `adult` answer may be, in years.
pub const ADULT_AGE: u32 = 16;

/// A `child` or `adult` answer, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonAnswer {
    Member(PersonId),
    New(NewPerson),
}

impl PersonAnswer {
    /// The answer of a checked form; `None` for anything else.
    pub fn read(value: &Value) -> Option<PersonAnswer> {
        match value {
            Value::Number(n) => n.as_i64().map(|id| PersonAnswer::Member(PersonId(id))),
            Value::Object(_) => serde_json::from_value(value.clone())
                .ok()
                .map(PersonAnswer::New),
            _ => None,
        }
    }
}

impl super::FieldDefinition {
    /// The identity of a new person, field by field; an adult is at least
    /// [`ADULT_AGE`] years old.
    pub(super) fn person_problems(
        &self,
        value: &Value,
        today: NaiveDate,
        path: &str,
    ) -> Vec<FieldError> {
        let mut errors = problems(value, today, path);
        let date = value
            .get("birth_date")
            .and_then(Value::as_str)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let young = date.is_some_and(|d| today.years_since(d).unwrap_or(0) < ADULT_AGE);
        let dated = !errors.iter().any(|e| e.field.ends_with(".birth_date"));
        if self.kind == super::FieldKind::Adult && young && dated {
            errors.push(FieldError::new(format!("{path}.birth_date"), "too_young"));
        }
        errors
    }
}

type Rule = fn(&str) -> Result<(), validator::ValidationError>;

/// The identity of a new child, field by field (`answers.child.birth_name`), with the
/// rules of the account-creation form.
pub(super) fn problems(value: &Value, today: NaiveDate, path: &str) -> Vec<FieldError> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    let mut errors = Vec::new();
    let texts: [(&str, Rule); 7] = [
        ("birth_name", person_name),
        ("first_name", person_name),
        ("second_first_name", optional_person_name),
        ("third_first_name", optional_person_name),
        ("birth_country", place),
        ("birth_city", place),
        ("birth_department", department),
    ];
    for key in map.keys() {
        let known = key == "sex" || key == "birth_date" || texts.iter().any(|(k, _)| k == key);
        if !known {
            errors.push(FieldError::new(format!("{path}.{key}"), "unknown_field"));
        }
    }
    let text = |key: &str| text(map, key);
    let mut push = |key: &str, code: &str| {
        errors.push(FieldError::new(format!("{path}.{key}"), code.to_string()))
    };
    match text("sex") {
        Ok(None) => push("sex", "required"),
        Ok(Some(s)) if Sex::parse(&s).is_none() => push("sex", "invalid_value"),
        Err(code) => push("sex", code),
        Ok(Some(_)) => {}
    }
    for (key, rule) in texts {
        match text(key) {
            Err(code) => push(key, code),
            Ok(value) => {
                if let Err(e) = rule(value.as_deref().unwrap_or("")) {
                    push(key, &e.code);
                }
            }
        }
    }
    let in_france = text("birth_country")
        .ok()
        .flatten()
        .is_some_and(|c| c.trim().eq_ignore_ascii_case("france"));
    if in_france && matches!(text("birth_department"), Ok(None)) {
        push("birth_department", "required");
    }
    match text("birth_date") {
        Ok(None) => push("birth_date", "required"),
        Err(code) => push("birth_date", code),
        Ok(Some(s)) => match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
            Err(_) => push("birth_date", "invalid_date"),
            Ok(date) => {
                if let Err(e) = birth_date(date, today) {
                    push("birth_date", &e.code);
                }
            }
        },
    }
    errors
}

/// A text member: `None` when absent or blank, an error code when not a string.
fn text(map: &Map<String, Value>, key: &str) -> Result<Option<String>, &'static str> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err("invalid_type"),
    }
}
