//! The periodic clean-up: what anonymous callers can make the portal store (captcha
//! challenges, throttle counters, rate-limit entries, unused links, registrations never
//! activated, ended sessions, sent mails) is forgotten once it can no longer matter, so
//! no table and no map grows without bound. Safe with several instances: each round is
//! a handful of idempotent deletes.

use std::time::Duration;

use chrono::TimeDelta;

use crate::areas::auth::throttle;
use crate::error::ApiError;
use crate::state::AppState;

/// What one round forgot.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub captchas: usize,
    pub throttles: usize,
    pub links: usize,
    pub registrations: usize,
    pub sessions: usize,
    pub mails: usize,
}

/// A registration not activated within this time is forgotten (its link lasted 72 h).
const PENDING_DAYS: i64 = 7;
/// Ended sessions, used links and sent mails are kept this long for support questions.
const KEEP_DAYS: i64 = 30;

pub fn purge(conn: &mut db::Conn) -> Result<Purged, ApiError> {
    let now = db::now();
    let keep = now - TimeDelta::days(KEEP_DAYS);
    db::transaction(conn, |conn| {
        Ok(Purged {
            captchas: db::captcha::purge(conn, now - TimeDelta::hours(1))?,
            throttles: db::throttle::purge(conn, throttle::PER_CLIENT, now)?
                + db::throttle::purge(conn, throttle::PER_ACCOUNT, now)?,
            links: db::tokens::purge(conn, keep)?,
            registrations: db::accounts::purge_pending(conn, now - TimeDelta::days(PENDING_DAYS))?,
            sessions: db::sessions::purge(conn, keep)?,
            mails: db::outbox::purge_sent(conn, keep)?,
        })
    })
}

/// Runs a round now, then every `every`.
pub fn spawn(state: AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(every);
        loop {
            interval.tick().await;
            let remembered = state.rate_limits.purge();
            match db::run(&state.pool, purge).await {
                Ok(purged) => {
                    tracing::debug!(?purged, rate_limited_clients = remembered, "housekeeping")
                }
                Err(e) => tracing::warn!(error = %e, "housekeeping round failed"),
            }
        }
    })
}
