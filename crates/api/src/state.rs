//! What every handler can reach.

use std::sync::Arc;

use db::DbPool;
use tokio::sync::Notify;

use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use crate::rate_limit::RateLimits;
use crate::security::jwt::JwtKeys;
use crate::security::password::Hasher;

#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    pub settings: Arc<Settings>,
    pub jwt: JwtKeys,
    /// The bounded pool every password hash and check runs on.
    pub hasher: Hasher,
    /// Per-client limits of the anonymous endpoints.
    pub rate_limits: Arc<RateLimits>,
    /// Wakes the mail sender after a transaction queued mail.
    pub mail_wakeup: Arc<Notify>,
    /// Where uploaded documents are kept.
    pub storage: crate::storage::Storage,
}

impl AppState {
    /// Runs a service on a pooled connection, off the async runtime. Mail the service
    /// queued leaves right after: its transaction has committed when it returns, so the
    /// mail worker is woken here, never by each handler.
    pub async fn run<T, F>(&self, service: F) -> ApiResult<T>
    where
        F: FnOnce(&mut db::Conn) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let (result, queued) = db::run(&self.pool, move |conn| {
            crate::mail::take_queued();
            let result = service(conn);
            Ok::<_, ApiError>((result, crate::mail::take_queued()))
        })
        .await?;
        if queued {
            self.mail_wakeup.notify_one();
        }
        result
    }
}
