//! The API's one error type. Services build it without any HTTP type (an [`ErrorKind`]
//! and a stable `code`); this module alone turns it into an `application/problem+json`
//! answer with its status. Handlers and services use `?`; the `From` impls below map
//! database, pool and hashing errors.

use std::fmt;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use domain::messages::problem_title;
use domain::problem::{FieldError, Problem};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// What went wrong, as a service says it; [`ErrorKind::status`] is the only mapping to
/// HTTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request cannot be read (malformed JSON, a bad query string).
    BadRequest,
    /// Not logged in, or the session is over.
    Unauthenticated,
    /// Logged in, but not allowed.
    Forbidden,
    /// Nothing here, or nothing this person may see.
    NotFound,
    MethodNotAllowed,
    /// The state does not allow it (taken login, a request already handled).
    Conflict,
    /// It existed and is over (an expired link).
    Gone,
    PayloadTooLarge,
    UnsupportedMediaType,
    /// Fields break the rules (422 with per-field errors).
    Invalid,
    /// Slow down: see `retry_after`.
    TooManyRequests,
    /// Try again later (database down, hashing pool full).
    Unavailable,
    /// A bug or an unexpected failure; the cause is logged, never sent.
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Unauthenticated => StatusCode::UNAUTHORIZED,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::Gone => StatusCode::GONE,
            ErrorKind::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorKind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorKind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

#[derive(Debug)]
pub struct ApiError {
    kind: ErrorKind,
    code: &'static str,
    detail: Option<String>,
    errors: Vec<FieldError>,
    retry_after: Option<i64>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(kind: ErrorKind, code: &'static str) -> ApiError {
        debug_assert!(
            domain::messages::PROBLEM_CODES
                .iter()
                .any(|(c, _)| *c == code),
            "problem code `{code}` is missing from messages::PROBLEM_CODES (and so from the spec)"
        );
        ApiError {
            kind,
            code,
            detail: None,
            errors: Vec::new(),
            retry_after: None,
        }
    }

    /// 422 with one entry per invalid field.
    pub fn validation(errors: Vec<FieldError>) -> ApiError {
        ApiError {
            errors,
            ..ApiError::new(ErrorKind::Invalid, "validation_failed")
        }
    }

    /// 422 on one field.
    pub fn field(field: &str, code: &'static str) -> ApiError {
        ApiError::validation(vec![FieldError::new(field, code)])
    }

    pub fn not_found() -> ApiError {
        ApiError::new(ErrorKind::NotFound, "not_found")
    }

    pub fn unauthenticated() -> ApiError {
        ApiError::new(ErrorKind::Unauthenticated, "unauthenticated")
    }

    pub fn forbidden() -> ApiError {
        ApiError::new(ErrorKind::Forbidden, "forbidden")
    }

    /// Logs the cause (never sent to the client) and answers 500.
    pub fn internal(cause: impl fmt::Display) -> ApiError {
        tracing::error!(error = %cause, "internal error");
        ApiError::new(ErrorKind::Internal, "internal_error")
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> ApiError {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> ApiError {
        self.errors = errors;
        self
    }

    pub fn retry_after(mut self, seconds: i64) -> ApiError {
        self.retry_after = Some(seconds.max(1));
        self
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn problem(&self) -> Problem {
        Problem {
            kind: format!("urn:guichet:problem:{}", self.code),
            title: problem_title(self.code).to_string(),
            status: self.kind.status().as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_string(),
            errors: self.errors.clone(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.status().as_u16(), self.code)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.kind.status()
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.kind.status());
        response.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        response.insert_header((header::CACHE_CONTROL, "no-store"));
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        if self.kind == ErrorKind::Unauthenticated {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<DieselError> for ApiError {
    fn from(e: DieselError) -> ApiError {
        match e {
            DieselError::NotFound => ApiError::not_found(),
            DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => {
                ApiError::new(ErrorKind::Unavailable, "database_unavailable")
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<db::DbError> for ApiError {
    fn from(e: db::DbError) -> ApiError {
        match e {
            db::DbError::Pool(cause) => {
                tracing::error!(error = %cause, "database unreachable");
                ApiError::new(ErrorKind::Unavailable, "database_unavailable").retry_after(5)
            }
            db::DbError::Task(cause) => ApiError::internal(cause),
        }
    }
}

impl From<crate::security::password::Busy> for ApiError {
    fn from(_: crate::security::password::Busy) -> ApiError {
        ApiError::new(ErrorKind::Unavailable, "server_busy").retry_after(2)
    }
}

/// Maps a unique-constraint violation on `constraint` to `then`; other errors as usual.
/// PostgreSQL names the constraint; SQLite names the columns (`accounts.login`), so the
/// caller gives the column as a second way to recognise it.
pub fn on_constraint(
    e: DieselError,
    constraint: &str,
    column: &str,
    then: impl FnOnce() -> ApiError,
) -> ApiError {
    if let DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) = &e {
        let matches = info.constraint_name() == Some(constraint) || info.message().contains(column);
        if matches {
            return then();
        }
    }
    ApiError::from(e)
}
