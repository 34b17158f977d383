//! The request span of the logs, as tracing-actix-web's default but for one thing: the
//! single-use tokens of e-mailed links (`/activation/<token>`, `/api/password-resets/<token>`...)
//! never reach the logs.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{Error, HttpMessage};
use tracing::field::Empty;
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

/// Path segments followed by a token.
const TOKEN_PARENTS: [&str; 6] = [
    "activation",
    "activations",
    "reinitialisation",
    "password-resets",
    "email-confirmations",
    "confirmation-courriel",
];

/// The path with the token after any of [`TOKEN_PARENTS`] replaced by `***`.
pub fn masked(path: &str) -> String {
    let mut out = Vec::new();
    let mut hide_next = false;
    for segment in path.split('/') {
        if hide_next && !segment.is_empty() {
            out.push("***");
        } else {
            out.push(segment);
        }
        hide_next = TOKEN_PARENTS.contains(&segment);
    }
    out.join("/")
}

pub struct MaskedRootSpan;

impl RootSpanBuilder for MaskedRootSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let route = request.match_pattern().unwrap_or_else(|| "default".into());
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(|id| id.to_string())
            .unwrap_or_default();
        tracing::info_span!(
            "HTTP request",
            http.method = %request.method(),
            http.route = %route,
            http.target = %masked(request.path()),
            otel.name = %format!("{} {route}", request.method()),
            otel.kind = "server",
            request_id = %request_id,
            http.status_code = Empty,
            otel.status_code = Empty,
            exception.message = Empty,
            exception.details = Empty,
        )
    }

    /// Client errors (4xx) are the caller's business, and anonymous floods of them must
    /// not fill the log: they go at DEBUG. Server errors keep the default ERROR event.
    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        if let Ok(response) = outcome {
            let status = response.status();
            if status.is_client_error() {
                span.record("http.status_code", status.as_u16());
                span.record("otel.status_code", "OK");
                let code = response
                    .response()
                    .error()
                    .map(|e| e.to_string())
                    .unwrap_or_default();
                tracing::debug!(parent: &span, status = status.as_u16(), %code, "client error");
                return;
            }
        }
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::masked;

    #[test]
    fn tokens_of_mailed_links_are_hidden() {
        assert_eq!(
            masked("/api/password-resets/abcDEF123"),
            "/api/password-resets/***"
        );
        assert_eq!(masked("/activation/abcDEF123"), "/activation/***");
        assert_eq!(
            masked("/api/email-confirmations/x"),
            "/api/email-confirmations/***"
        );
        assert_eq!(masked("/api/catalogue"), "/api/catalogue");
        assert_eq!(masked("/api/activations/"), "/api/activations/");
    }
}
