//! The `guichet_refresh` cookie: the portal's own pages keep the refresh token where
//! their scripts cannot read it (HttpOnly), sent only to the refresh and logout
//! endpoints (path `/api/auth`), never on a request started by another site
//! (SameSite=Strict), and only over https when the portal is served over https.
//! The access token stays in the page's memory.

use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpRequest, HttpResponse};
use domain::auth::{RefreshTokenDelivery, Session};

use super::sessions::SESSION_DAYS;

pub const NAME: &str = "guichet_refresh";
const PATH: &str = "/api/auth";

/// The refresh token the browser sent, if any.
pub fn read(req: &HttpRequest) -> Option<String> {
    req.cookie(NAME)
        .map(|c| c.value().to_string())
        .filter(|v| !v.is_empty())
}

fn cookie(value: String, max_age: Duration, secure: bool) -> Cookie<'static> {
    Cookie::build(NAME, value)
        .path(PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .max_age(max_age)
        .finish()
}

/// The 200 answer for a new or refreshed session: with a cookie delivery the refresh
/// token leaves the body for the cookie. A session without a refresh token (a refresh
/// raced by another tab) leaves the browser's cookie as it is.
pub fn respond(mut session: Session, delivery: RefreshTokenDelivery, secure: bool) -> HttpResponse {
    let mut answer = HttpResponse::Ok();
    if delivery == RefreshTokenDelivery::Cookie {
        if let Some(token) = session.refresh_token.take() {
            answer.cookie(cookie(token, Duration::days(SESSION_DAYS), secure));
        }
    }
    answer.json(session)
}

/// Tells the browser to forget the cookie (logout).
pub fn removal(secure: bool) -> Cookie<'static> {
    cookie(String::new(), Duration::ZERO, secure)
}
