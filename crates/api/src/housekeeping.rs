//! The periodic clean-up: what anonymous callers can make the portal store (captcha
//! challenges, throttle counters, rate-limit entries, unused links, registrations never
//! activated, ended sessions, sent mails, attachments never sent) is forgotten once it can no longer matter, so
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
    pub attachments: usize,
}

/// A registration not activated within this time is forgotten (its link lasted 72 h).
const PENDING_DAYS: i64 = 7;
/// Ended sessions, used links and sent mails are kept this long for support questions.
const KEEP_DAYS: i64 = 30;
/// An attachment uploaded and not sent with a message within this time is forgotten.
const UNSENT_HOURS: i64 = 24;

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
            attachments: db::attachments::purge_unsent(conn, now - TimeDelta::hours(UNSENT_HOURS))?,
        })
    })
}

/// An object this old without a document or attachment row is an upload that failed
/// half-way (or an attachment never sent).
const ORPHAN_MINUTES: i64 = 60;
/// Objects looked at per round, and per database query.
const SWEEP_LIMIT: usize = 20_000;
const SWEEP_BATCH: usize = 500;

/// Deletes the stored files no document or attachment row knows (an upload whose row could not be
/// written, or a crash in between): returns how many went.
pub async fn sweep_orphans(state: &AppState) -> Result<usize, ApiError> {
    let before = chrono::Utc::now() - TimeDelta::minutes(ORPHAN_MINUTES);
    let candidates = state
        .storage
        .older_than(crate::storage::DOCUMENTS, before, SWEEP_LIMIT)
        .await?;
    let mut swept = 0;
    for batch in candidates.chunks(SWEEP_BATCH) {
        let asked = batch.to_vec();
        let known = db::run(&state.pool, move |conn| {
            let mut known = db::documents::known_keys(conn, &asked)?;
            known.extend(db::attachments::known_keys(conn, &asked)?);
            Ok::<_, ApiError>(known)
        })
        .await?;
        for key in batch.iter().filter(|k| !known.contains(k)) {
            match state.storage.delete(key).await {
                Ok(()) => swept += 1,
                Err(e) => tracing::warn!(error = ?e, key, "could not delete a stored file"),
            }
        }
    }
    Ok(swept)
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
            match sweep_orphans(&state).await {
                Ok(0) => {}
                Ok(swept) => tracing::info!(swept, "stored files without a document removed"),
                Err(e) => tracing::warn!(error = %e, "sweeping stored files failed"),
            }
        }
    })
}
