//! The background sender: claims due mails, sends them, retries with growing delays.
//! Safe with several instances on one database (claims are leases taken under row locks).

use std::sync::Arc;
use std::time::Duration;

use chrono::TimeDelta;

use super::transport::Sender;
use crate::error::ApiError;
use crate::state::AppState;

const BATCH: i64 = 20;
const LEASE_MINUTES: i64 = 5;

pub fn spawn(state: AppState, sender: Arc<Sender>) -> tokio::task::JoinHandle<()> {
    let idle_poll = Duration::from_secs(state.settings.mail.poll_seconds.max(1));
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver_due(&state, &sender).await {
                tracing::warn!(error = %e, "mail delivery round failed");
            }
            tokio::select! {
                _ = state.mail_wakeup.notified() => {}
                _ = tokio::time::sleep(idle_poll) => {}
            }
        }
    })
}

async fn deliver_due(state: &AppState, sender: &Sender) -> Result<(), ApiError> {
    loop {
        let batch = db::run(&state.pool, |conn| {
            db::transaction(conn, |conn| {
                let now = db::now();
                db::outbox::claim_due(conn, now, now + TimeDelta::minutes(LEASE_MINUTES), BATCH)
            })
            .map_err(ApiError::from)
        })
        .await?;
        if batch.is_empty() {
            return Ok(());
        }
        for mail in batch {
            let outcome = sender
                .send(mail.id, &mail.recipient, &mail.subject, &mail.body_text)
                .await;
            let id = mail.id;
            match outcome {
                Ok(()) => {
                    tracing::info!(mail_id = id, "mail sent");
                    db::run(&state.pool, move |c| {
                        db::outbox::mark_sent(c, id, db::now()).map_err(ApiError::from)
                    })
                    .await?;
                }
                Err(error) => {
                    let delay = TimeDelta::minutes(2i64.pow(mail.attempts.clamp(0, 6) as u32));
                    tracing::warn!(mail_id = id, attempts = mail.attempts + 1, %error, "mail not sent, will retry");
                    db::run(&state.pool, move |c| {
                        db::outbox::mark_failed(c, id, &error, db::now() + delay)
                            .map_err(ApiError::from)
                    })
                    .await?;
                }
            }
        }
    }
}
