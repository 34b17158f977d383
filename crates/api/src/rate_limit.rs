//! Per-client rate limits on the anonymous endpoints (login, refresh, registrations,
//! captchas, forgotten login or password, the e-mailed links and the calendar feeds),
//! backed by `governor`:
//! a steady rate with an equal burst, and a much lower hourly one for the endpoints that
//! send mail. Beyond them the answer is 429 `too_many_attempts` with `Retry-After`, before
//! any body is read or any database work is done. The public reference reads (commune,
//! catalogue, procedures, health) are cacheable and not limited.
//!
//! The counters live in memory, one set per instance; [`RateLimits::purge`] (the
//! periodic job) forgets clients whose allowance is whole again, so the map stays the
//! size of the recent callers.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{web, ResponseError};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::client_ip::ClientIp;
use crate::config::Settings;
use crate::error::{ApiError, ErrorKind};
use crate::state::AppState;

/// Paths (prefixes) of the anonymous endpoints.
const LIMITED: &[&str] = &[
    "/api/auth/login",
    "/api/auth/refresh",
    "/api/auth/forgotten-",
    "/api/registrations",
    "/api/captchas/",
    "/api/activations/",
    "/api/password-resets/",
    "/api/email-confirmations/",
    "/api/calendar-feeds/",
];

/// Those of them that may send a mail (on POST).
const MAILING: &[&str] = &["/api/auth/forgotten-", "/api/registrations"];

/// Whether calls to `path` (a route or a spec path) are rate-limited per client.
pub fn is_limited(path: &str) -> bool {
    LIMITED.iter().any(|p| path.starts_with(p))
}

pub struct RateLimits {
    requests: DefaultKeyedRateLimiter<IpAddr>,
    mails: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
}

fn at_least_one(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

impl RateLimits {
    pub fn new(settings: &Settings) -> RateLimits {
        RateLimits {
            requests: RateLimiter::keyed(Quota::per_minute(at_least_one(
                settings.anonymous_rate_per_minute,
            ))),
            mails: RateLimiter::keyed(Quota::per_hour(at_least_one(
                settings.anonymous_mail_per_hour,
            ))),
            clock: DefaultClock::default(),
        }
    }

    /// How long `client` must wait before calling `method path`, if it must.
    pub fn check(&self, client: IpAddr, method: &Method, path: &str) -> Option<Duration> {
        if !is_limited(path) {
            return None;
        }
        let wait = |limiter: &DefaultKeyedRateLimiter<IpAddr>| {
            limiter
                .check_key(&client)
                .err()
                .map(|not_until| not_until.wait_time_from(self.clock.now()))
        };
        if let Some(duration) = wait(&self.requests) {
            return Some(duration);
        }
        if method == Method::POST && MAILING.iter().any(|p| path.starts_with(p)) {
            return wait(&self.mails);
        }
        None
    }

    /// Forgets the clients whose allowance is whole again; returns how many remain.
    pub fn purge(&self) -> usize {
        self.requests.retain_recent();
        self.mails.retain_recent();
        self.requests.shrink_to_fit();
        self.mails.shrink_to_fit();
        self.requests.len() + self.mails.len()
    }
}

pub async fn limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let wait = req.app_data::<web::Data<AppState>>().and_then(|state| {
        let client = ClientIp::of(req.head(), state.settings.client_ip_header.as_deref());
        // The path as the router matches it (percent-decoded): `/api/calendar%2Dfeeds/…`
        // reaches the feeds' handler, so it counts as the feeds too.
        let path = req.match_info().as_str();
        state.rate_limits.check(client.0, req.method(), path)
    });
    if let Some(wait) = wait {
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        let error = ApiError::new(ErrorKind::TooManyRequests, "too_many_attempts")
            .with_detail(format!(
                "Trop de demandes depuis votre connexion : réessayez dans {seconds} seconde(s)."
            ))
            .retry_after(seconds as i64);
        let (req, _) = req.into_parts();
        return Ok(ServiceResponse::new(req, error.error_response()));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}
