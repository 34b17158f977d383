//! The answers made of parts: a `group`'s items (the persons to contact) and a
//! `signature`. Each part is checked with its own path (`answers.contacts.1.phone`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Answers, FieldDefinition, FieldKind, FormDefinition, SavedAs};
use crate::problem::FieldError;
use crate::text::{has_bidi_controls, has_control_chars};

/// The answer of a `signature` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"certified": true, "name": "DUPIN Pascal"})))]
pub struct Signature {
    /// The certification on honour, ticked.
    pub certified: bool,
    /// The signer's name, typed.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub name: String,
}

/// A person to contact and/or authorised to pick the child up, as the fiche's
/// [`SavedAs::Contacts`] group gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"last_name": "MARTIN", "first_name": "Odile", "relation": "Grand-mère", "phone": "0612345678", "other_phone": null, "pickup": true, "emergency": true})))]
pub struct ChildContact {
    pub last_name: String,
    pub first_name: String,
    /// "Grand-mère", "Voisin"…
    pub relation: String,
    pub phone: String,
    pub other_phone: Option<String>,
    /// Authorised to pick the child up.
    pub pickup: bool,
    /// To call in an emergency.
    pub emergency: bool,
}

/// The sub-fields a contacts group must have, and those it may have.
pub const CONTACT_FIELDS: [&str; 4] = ["last_name", "first_name", "relation", "phone"];
pub const CONTACT_OPTIONAL_FIELDS: [&str; 3] = ["other_phone", "pickup", "emergency"];

/// The contacts of a checked fiche, in the order given.
pub fn contacts(form: &FormDefinition, answers: &Answers) -> Vec<ChildContact> {
    let Some(field) = form
        .fields()
        .find(|f| f.saved_as == Some(SavedAs::Contacts))
    else {
        return Vec::new();
    };
    let items = answers.get(&field.name).and_then(Value::as_array);
    items
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .map(|item| {
            let text = |key: &str| {
                item.get(key)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let flag = |key: &str| item.get(key).and_then(Value::as_bool).unwrap_or(false);
            ChildContact {
                last_name: text("last_name").unwrap_or_default().to_uppercase(),
                first_name: text("first_name").unwrap_or_default(),
                relation: text("relation").unwrap_or_default(),
                phone: text("phone").unwrap_or_default(),
                other_phone: text("other_phone"),
                pickup: flag("pickup"),
                emergency: flag("emergency"),
            }
        })
        .collect()
}

impl FieldDefinition {
    /// The mistakes in a group's items (its count is checked with the field). An item of
    /// a draft may be incomplete; a sent one must answer its required fields.
    pub(super) fn item_problems(
        &self,
        value: &Value,
        complete: bool,
        today: NaiveDate,
        path: &str,
    ) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for (i, item) in value.as_array().into_iter().flatten().enumerate() {
            let at = format!("{path}.{i}");
            let Some(item) = item.as_object() else {
                errors.push(FieldError::new(at, "invalid_type"));
                continue;
            };
            for key in item.keys() {
                if !self.fields.iter().any(|f| &f.name == key) {
                    errors.push(FieldError::new(format!("{at}.{key}"), "unknown_field"));
                }
            }
            for sub in &self.fields {
                let there = format!("{at}.{}", sub.name);
                match item.get(&sub.name).filter(|v| !sub.unanswered(v)) {
                    None if complete && sub.required => {
                        errors.push(FieldError::new(there, "required"))
                    }
                    None => {}
                    Some(v) => {
                        if let Err(wrong) = sub.check(v, today) {
                            errors.push(wrong.at(there));
                        }
                    }
                }
            }
        }
        errors
    }

    /// The mistakes in a signature: ticked, and a name that reads as one (a draft's may
    /// be unfinished).
    pub(super) fn signature_problems(
        &self,
        value: &Value,
        complete: bool,
        path: &str,
    ) -> Vec<FieldError> {
        let Some(map) = value.as_object() else {
            return Vec::new();
        };
        let mut errors = Vec::new();
        for key in map.keys() {
            if key != "certified" && key != "name" {
                errors.push(FieldError::new(format!("{path}.{key}"), "unknown_field"));
            }
        }
        match map.get("certified") {
            Some(Value::Bool(true)) => {}
            Some(Value::Bool(false)) | None | Some(Value::Null) if complete => {
                errors.push(FieldError::new(format!("{path}.certified"), "must_accept"))
            }
            Some(Value::Bool(false)) | None | Some(Value::Null) => {}
            Some(_) => errors.push(FieldError::new(format!("{path}.certified"), "invalid_type")),
        }
        let name = format!("{path}.name");
        match map.get("name") {
            None | Some(Value::Null) if complete => errors.push(FieldError::new(name, "required")),
            Some(Value::String(s)) if s.trim().is_empty() && complete => {
                errors.push(FieldError::new(name, "required"))
            }
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.chars().count() > 120 => {
                errors.push(FieldError::new(name, "too_long"))
            }
            Some(Value::String(s)) if has_control_chars(s) || has_bidi_controls(s) => {
                errors.push(FieldError::new(name, "invalid_characters"))
            }
            Some(Value::String(_)) => {}
            Some(_) => errors.push(FieldError::new(name, "invalid_type")),
        }
        errors
    }

    /// What is wrong with a group's definition, for the configuration check.
    pub(super) fn group_problems(&self) -> Vec<String> {
        let name = &self.name;
        let mut problems = Vec::new();
        if self.kind != FieldKind::Group {
            if !self.fields.is_empty() {
                problems.push(format!("field `{name}`: only a group has `fields`"));
            }
            return problems;
        }
        if self.fields.is_empty() {
            problems.push(format!("group `{name}` needs `fields`"));
        }
        match (self.min.unwrap_or(0), self.max) {
            (min, Some(max)) if (0..=max).contains(&min) && (1..=20).contains(&max) => {}
            _ => problems.push(format!(
                "group `{name}` needs `max` (1 to 20) and `min` <= `max`"
            )),
        }
        for (i, sub) in self.fields.iter().enumerate() {
            let simple = sub.kind.answered()
                && !matches!(
                    sub.kind,
                    FieldKind::Group | FieldKind::Child | FieldKind::Signature
                );
            if !simple || sub.shown_when.is_some() || sub.required_when.is_some() {
                problems.push(format!(
                    "group `{name}`: `{}` must be a simple field, without conditions",
                    sub.name
                ));
            }
            // Health answers are withheld field by field: a group's item holds none.
            if sub.saved_as.is_some() {
                problems.push(format!(
                    "group `{name}`: `{}` cannot be `saved_as` (the group is)",
                    sub.name
                ));
            }
            if self.fields[..i].iter().any(|o| o.name == sub.name) {
                problems.push(format!("group `{name}`: `{}` appears twice", sub.name));
            }
        }
        if self.saved_as == Some(SavedAs::Contacts) {
            for needed in CONTACT_FIELDS {
                if !self.fields.iter().any(|f| f.name == needed && f.required) {
                    problems.push(format!(
                        "contacts group `{name}` needs a required `{needed}`"
                    ));
                }
            }
            for sub in &self.fields {
                let known = CONTACT_FIELDS.contains(&sub.name.as_str())
                    || CONTACT_OPTIONAL_FIELDS.contains(&sub.name.as_str());
                if !known {
                    problems.push(format!(
                        "contacts group `{name}`: `{}` is not recorded",
                        sub.name
                    ));
                }
            }
        }
        problems
    }
}
