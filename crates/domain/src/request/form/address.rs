//! The answer of an `address` field: one of the account holder's addresses (its id), or
//! a new one from the manuals' "Ajouter une adresse" modal, checked with the profile's
//! rules (a five-digit postal code in France) at `answers.address.postal_code`.

use serde_json::{Map, Value};
use validator::Validate;

use crate::problem::FieldError;
use crate::profile::AddressInput;

const TEXTS: [&str; 8] = [
    "name",
    "country",
    "city",
    "postal_code",
    "street_number",
    "street_number_complement",
    "street",
    "street_complement",
];

/// A new address of a checked form; `None` for an id or anything else.
pub fn new_address(value: &Value) -> Option<AddressInput> {
    match value {
        Value::Object(_) => serde_json::from_value(value.clone()).ok(),
        _ => None,
    }
}

pub(super) fn problems(value: &Value, path: &str) -> Vec<FieldError> {
    let Value::Object(map) = value else {
        return Vec::new();
    };
    let mut errors = Vec::new();
    for (key, v) in map {
        let fits = match (key.as_str(), v) {
            ("is_default", Value::Bool(_) | Value::Null) => true,
            (k, Value::String(_) | Value::Null) => TEXTS.contains(&k),
            (k, _) if TEXTS.contains(&k) || k == "is_default" => {
                errors.push(FieldError::new(format!("{path}.{key}"), "invalid_type"));
                continue;
            }
            _ => false,
        };
        if !fits {
            errors.push(FieldError::new(format!("{path}.{key}"), "unknown_field"));
        }
    }
    if !errors.is_empty() {
        return errors;
    }
    let text = |map: &Map<String, Value>, key: &str| {
        map.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let optional = |key: &str| Some(text(map, key)).filter(|s| !s.trim().is_empty());
    let address = AddressInput {
        name: text(map, "name"),
        country: text(map, "country"),
        city: text(map, "city"),
        postal_code: text(map, "postal_code"),
        street_number: optional("street_number"),
        street_number_complement: optional("street_number_complement"),
        street: text(map, "street"),
        street_complement: optional("street_complement"),
        is_default: false,
    };
    match address.validate() {
        Ok(()) => Vec::new(),
        Err(e) => crate::validation::field_errors(&e)
            .into_iter()
            .map(|e| {
                let error = FieldError::new(format!("{path}.{}", e.field), e.code);
                error.with_message(e.message)
            })
            .collect(),
    }
}
