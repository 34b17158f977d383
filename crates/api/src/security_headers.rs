//! Security headers added to every answer: the Content-Security-Policy of the single-page
//! app (scripts and WebAssembly only from the portal itself, images from itself and
//! `data:` for the captcha, frames only of files the page fetched itself (`blob:`, the
//! agents' preview of a PDF), no framing of the portal), `Cache-Control: no-store` on every API answer
//! that did not choose its own caching (so nothing personal lands in a shared cache), and
//! HSTS when the portal is served over https. The API docs page (Swagger UI) is left
//! without the policy: it ships inline scripts.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;

use crate::state::AppState;

const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
     frame-src blob:; object-src 'none'; base-uri 'self'; form-action 'self'; \
     frame-ancestors 'none'";

/// Two years, with subdomains: what hstspreload.org asks for.
const HSTS: &str = "max-age=63072000; includeSubDomains";

pub async fn add_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = req.path();
    let docs = path.starts_with("/api/docs");
    let api = path == "/api" || path.starts_with("/api/");
    let hsts = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|state| state.settings.hsts());
    let mut response = next.call(req).await?;
    let headers = response.headers_mut();
    if !docs {
        headers.insert(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static(POLICY),
        );
    }
    if api && !docs && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    Ok(response)
}
