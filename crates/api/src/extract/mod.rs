//! `ValidJson<T>`: the request body extractor. Malformed JSON, an array where an object
//! is expected, wrong types, missing, unknown or unknown-valued fields, NUL bytes and rule
//! violations all become problem+json errors that name the field, never a 500 and never
//! an echo of the submitted value.
//!
//! The body's error is held, not raised, until the handler asks for the body with
//! [`ValidJson::into_inner`]: actix runs a handler's extractors side by side, so a bad
//! body could otherwise answer before the authentication extractor. Anonymous callers
//! always get 401 and the wrong role always 403, whatever they send.

mod strict;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use domain::problem::FieldError;
use domain::validation::field_errors;
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;
use validator::Validate;

use crate::error::{ApiError, ErrorKind};

/// Largest JSON body accepted.
pub const JSON_LIMIT: usize = 64 * 1024;

pub struct ValidJson<T>(Result<T, ApiError>);

impl<T> ValidJson<T> {
    /// The parsed and validated body, or its problem.
    pub fn into_inner(self) -> Result<T, ApiError> {
        self.0
    }
}

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .is_some_and(|m| m == "application/json" || m.ends_with("+json"));
        let mut payload = payload.take();
        Box::pin(async move { Ok(ValidJson(read_body(is_json, &mut payload).await)) })
    }
}

async fn read_body<T: DeserializeOwned + Validate>(
    is_json: bool,
    payload: &mut Payload,
) -> Result<T, ApiError> {
    if !is_json {
        return Err(ApiError::new(
            ErrorKind::UnsupportedMediaType,
            "unsupported_media_type",
        ));
    }
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::new(ErrorKind::BadRequest, "malformed_json"))?;
        if body.len() + chunk.len() > JSON_LIMIT {
            return Err(ApiError::new(
                ErrorKind::PayloadTooLarge,
                "payload_too_large",
            ));
        }
        body.extend_from_slice(&chunk);
    }
    parse_body(&body)
}

/// Parses and validates a JSON body.
pub fn parse_body<T: DeserializeOwned + Validate>(body: &[u8]) -> Result<T, ApiError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        ApiError::new(ErrorKind::BadRequest, "malformed_json").with_detail(format!(
            "Erreur de syntaxe ligne {}, colonne {}.",
            e.line(),
            e.column()
        ))
    })?;
    if let Some(field) = nul_byte_path(&value, "") {
        return Err(ApiError::field(&field, "invalid_characters"));
    }
    let parsed: T = serde_path_to_error::deserialize(strict::Strict(&value)).map_err(|e| {
        let path = e.path().to_string();
        ApiError::validation(vec![type_error(&path, &e.into_inner().to_string())])
    })?;
    parsed
        .validate()
        .map_err(|e| ApiError::validation(field_errors(&e)))?;
    Ok(parsed)
}

/// The field error for a serde message. The message itself is not returned: it may quote
/// the submitted value.
fn type_error(path: &str, message: &str) -> FieldError {
    let join = |name: &str| {
        if path.is_empty() || path == "." {
            name.to_string()
        } else {
            format!("{path}.{name}")
        }
    };
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return FieldError::new(join(name), "required");
    }
    if message.starts_with("unknown field `") {
        // The path ends with the caller's own key, not a value: naming it is the help
        // they need.
        let field: String = path.chars().take(200).collect();
        return FieldError::new(field, "unknown_field");
    }
    let field = if path.is_empty() || path == "." {
        "body".to_string()
    } else {
        path.to_string()
    };
    let code = if message.starts_with("unknown variant") {
        "invalid_value"
    } else if field.ends_with("date") {
        "invalid_date"
    } else if message.starts_with("invalid type") {
        "invalid_type"
    } else {
        "invalid_value"
    };
    FieldError::new(field, code)
}

fn nul_byte_path(value: &Value, path: &str) -> Option<String> {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::String(s) if s.contains('\0') => Some(if path.is_empty() {
            "body".into()
        } else {
            path.into()
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| nul_byte_path(v, &format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            if k.contains('\0') {
                Some(join("body"))
            } else {
                nul_byte_path(v, &join(k))
            }
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::auth::LoginRequest;

    fn codes(err: &ApiError) -> Vec<(String, String)> {
        err.problem()
            .errors
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn malformed_json_is_a_400() {
        let err = parse_body::<LoginRequest>(b"{\"login\": ").unwrap_err();
        assert_eq!(err.code(), "malformed_json");
    }

    #[test]
    fn missing_and_mistyped_fields_are_named() {
        let err = parse_body::<LoginRequest>(br#"{"login": "a"}"#).unwrap_err();
        assert_eq!(codes(&err), vec![("password".into(), "required".into())]);
        let err = parse_body::<LoginRequest>(br#"{"login": 3, "password": "x"}"#).unwrap_err();
        assert_eq!(codes(&err), vec![("login".into(), "invalid_type".into())]);
    }

    #[test]
    fn arrays_and_unknown_fields_are_refused() {
        let err = parse_body::<LoginRequest>(br#"["pascal", "secret"]"#).unwrap_err();
        assert_eq!(codes(&err), vec![("body".into(), "invalid_type".into())]);
        let err =
            parse_body::<LoginRequest>(br#"{"login": "a", "password": "x", "role": "admin"}"#)
                .unwrap_err();
        assert_eq!(codes(&err), vec![("role".into(), "unknown_field".into())]);
    }

    #[test]
    fn nul_bytes_are_refused_and_passwords_never_echoed() {
        let err =
            parse_body::<LoginRequest>(br#"{"login": "a\u0000b", "password": "x"}"#).unwrap_err();
        assert_eq!(
            codes(&err),
            vec![("login".into(), "invalid_characters".into())]
        );
        let err =
            parse_body::<LoginRequest>(br#"{"login": "a", "password": 12345678}"#).unwrap_err();
        assert!(!serde_json::to_string(&err.problem())
            .unwrap()
            .contains("12345678"));
    }
}
