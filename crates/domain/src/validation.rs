//! Field rules used in `#[validate(...)]` attributes of the request types, and the
//! conversion of `validator` errors into the API's per-field list.
//!
//! Every rule returns an error whose `code` is stable and whose message is French.
//! Messages never repeat the submitted value (passwords must never be echoed).

use std::borrow::Cow;

use chrono::NaiveDate;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::email::Email;
use crate::login::Login;
use crate::messages::field_message;
use crate::password::policy_message;
use crate::problem::FieldError;
use crate::text::has_control_chars;

pub const NAME_MAX_LEN: usize = 80;
pub const PLACE_MAX_LEN: usize = 100;

pub fn error(code: &'static str) -> ValidationError {
    ValidationError::new(code).with_message(Cow::Borrowed(field_message(code)))
}

/// An error raised by a struct-level check, attached to `field`.
pub fn error_on(field: &'static str, code: &'static str) -> ValidationError {
    let mut e = error(code);
    e.add_param(Cow::Borrowed("field"), &field);
    e
}

fn required_text(value: &str, max: usize) -> Result<&str, ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(error("required"));
    }
    if trimmed.chars().count() > max {
        return Err(error("too_long"));
    }
    if has_control_chars(trimmed) {
        return Err(error("invalid_characters"));
    }
    Ok(trimmed)
}

/// Nom, prénom: letters (accents welcome), spaces, apostrophes, hyphens and dots.
pub fn person_name(value: &str) -> Result<(), ValidationError> {
    let trimmed = required_text(value, NAME_MAX_LEN)?;
    let allowed = |c: char| c.is_alphabetic() || " '’-.".contains(c);
    if trimmed.chars().all(allowed) && trimmed.chars().any(char::is_alphabetic) {
        Ok(())
    } else {
        Err(error("invalid_name"))
    }
}

/// An optional name: empty is fine, anything else follows [`person_name`].
pub fn optional_person_name(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Ok(())
    } else {
        person_name(value)
    }
}

/// Pays, commune: free text of reasonable length.
pub fn place(value: &str) -> Result<(), ValidationError> {
    required_text(value, PLACE_MAX_LEN).map(|_| ())
}

/// A French département code: 01-95, 2A, 2B, 971-976, or 99 (born abroad).
pub fn department(value: &str) -> Result<(), ValidationError> {
    let v = value.trim().to_uppercase();
    let valid = match v.len() {
        2 => v == "2A" || v == "2B" || v.parse::<u8>().is_ok_and(|n| (1..=99).contains(&n)),
        3 => v.parse::<u16>().is_ok_and(|n| (971..=976).contains(&n)),
        _ => false,
    };
    if v.is_empty() || valid {
        Ok(())
    } else {
        Err(error("invalid_department"))
    }
}

pub fn email(value: &str) -> Result<(), ValidationError> {
    Email::parse(value).map(|_| ()).map_err(error)
}

pub fn login(value: &str) -> Result<(), ValidationError> {
    Login::parse(value).map(|_| ()).map_err(error)
}

pub fn password(value: &str) -> Result<(), ValidationError> {
    match policy_message(value) {
        None => Ok(()),
        Some(message) => {
            Err(ValidationError::new("weak_password").with_message(Cow::Owned(message)))
        }
    }
}

/// A password typed to log in or to prove identity: only non-empty and bounded.
pub fn password_input(value: &str) -> Result<(), ValidationError> {
    if value.is_empty() {
        Err(error("required"))
    } else if value.chars().count() > crate::password::PASSWORD_MAX_LEN {
        Err(error("too_long"))
    } else {
        Ok(())
    }
}

/// A free identifier typed by a person (login or e-mail): non-empty, bounded, printable.
pub fn identifier(value: &str) -> Result<(), ValidationError> {
    required_text(value, crate::email::EMAIL_MAX_LEN).map(|_| ())
}

pub fn must_be_true(value: &bool) -> Result<(), ValidationError> {
    if *value {
        Ok(())
    } else {
        Err(error("must_accept"))
    }
}

/// Birth dates: from 1900 on and not after `today`.
pub fn birth_date(date: NaiveDate, today: NaiveDate) -> Result<(), ValidationError> {
    if date > today {
        Err(error("date_in_future"))
    } else if date < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN) {
        Err(error("date_too_old"))
    } else {
        Ok(())
    }
}

/// Flattens `validator` errors into the API's list, with dotted paths for nested structs
/// (`captcha.answer`) and indices for lists (`children[0].first_name`).
pub fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (name, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let field = match e.params.get("field").and_then(|v| v.as_str()) {
                        Some(f) if prefix.is_empty() => f.to_string(),
                        Some(f) => format!("{prefix}.{f}"),
                        None => path.clone(),
                    };
                    let error = FieldError::new(field, e.code.to_string());
                    out.push(match &e.message {
                        Some(message) => error.with_message(message.to_string()),
                        None => error,
                    });
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_accept_french_names_and_refuse_symbols() {
        assert!(person_name("Hélène D'Arc-Dupré").is_ok());
        assert_eq!(person_name("  ").unwrap_err().code, "required");
        assert_eq!(person_name("R2D2").unwrap_err().code, "invalid_name");
        assert_eq!(person_name("a\0b").unwrap_err().code, "invalid_characters");
        assert_eq!(person_name(&"a".repeat(81)).unwrap_err().code, "too_long");
    }

    #[test]
    fn departments() {
        for ok in ["59", "2A", "2b", "974", "01", ""] {
            assert!(department(ok).is_ok(), "{ok}");
        }
        for bad in ["0", "00", "977", "ABC", "5900"] {
            assert!(department(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn birth_dates_are_bounded() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert!(birth_date(NaiveDate::from_ymd_opt(1988, 3, 4).unwrap(), today).is_ok());
        assert!(birth_date(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), today).is_err());
        assert!(birth_date(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap(), today).is_err());
    }
}
