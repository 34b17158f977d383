//! Error bodies: `application/problem+json` (RFC 9457) with a stable machine `code` and,
//! for invalid input, one entry per field.

use serde::{Deserialize, Serialize};

/// An error answered by the API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "urn:guichet:problem:validation_failed",
    "title": "Certains champs sont invalides.",
    "status": 422,
    "code": "validation_failed",
    "errors": [{"field": "email", "code": "invalid_email", "message": "Adresse e-mail invalide."}]
})))]
pub struct Problem {
    /// `urn:guichet:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short French summary, fit to show to a person.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// More detail, when there is any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Stable machine-readable code; see `docs/API-DESIGN.md` for the list.
    pub code: String,
    /// One entry per invalid field (validation errors only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// What is wrong with one field of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"field": "postal_code", "code": "invalid_postal_code", "message": "Code postal invalide : 5 chiffres en France."})))]
pub struct FieldError {
    /// Path of the field in the request body, e.g. `email` or `captcha.answer`.
    pub field: String,
    /// Stable machine code, e.g. `required`, `too_long`, `invalid_email`.
    pub code: String,
    /// French message, fit to show next to the field.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: impl Into<String>) -> FieldError {
        let code = code.into();
        debug_assert!(
            crate::messages::FIELD_CODES.iter().any(|(c, _)| *c == code),
            "field code `{code}` is missing from messages::FIELD_CODES (and so from the spec)"
        );
        let message = crate::messages::field_message(&code).to_string();
        FieldError {
            field: field.into(),
            code,
            message,
        }
    }

    pub fn with_message(mut self, message: impl Into<String>) -> FieldError {
        self.message = message.into();
        self
    }
}

impl Problem {
    pub fn message_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}
