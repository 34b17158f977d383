//! What every handler can reach.

use std::sync::Arc;

use db::DbPool;
use tokio::sync::Notify;

use crate::config::Settings;
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
}

impl AppState {
    pub fn wake_mailer(&self) {
        self.mail_wakeup.notify_one();
    }
}
