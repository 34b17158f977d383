//! argon2id password hashes, computed on a small bounded pool.
//!
//! One argon2id hash takes ~19 MiB and tens of milliseconds of a core. Run on the async
//! workers, or unbounded on the blocking pool, a flood of logins grows the process by
//! hundreds of megabytes and slows every other request. Here at most `workers` hashes
//! run at once, at most `queue` more wait for a turn, and the rest are refused at once
//! with [`Busy`] (503 `server_busy`). Handlers hash between the sync service steps, never
//! while holding a database connection.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use tokio::sync::Semaphore;

/// Too many password checks at once: try again in a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
    queue: usize,
    computed: Arc<AtomicU64>,
}

impl Hasher {
    pub fn new(workers: usize, queue: usize) -> Hasher {
        Hasher {
            permits: Arc::new(Semaphore::new(workers.max(1))),
            waiting: Arc::new(AtomicUsize::new(0)),
            queue,
            computed: Arc::new(AtomicU64::new(0)),
        }
    }

    /// How many hashes and checks ran since the start.
    pub fn computed(&self) -> u64 {
        self.computed.load(Ordering::Relaxed)
    }

    /// The hash of a new password.
    pub async fn hash(&self, password: String) -> Result<String, Busy> {
        self.run(move || hash(&password)).await
    }

    /// Whether `password` matches `stored`; with no stored hash it still takes as long.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, Busy> {
        self.run(move || verify(&password, stored.as_deref())).await
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.queue {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(Busy);
        }
        let permit = self.permits.clone().acquire_owned().await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        let permit = permit.map_err(|_| Busy)?;
        self.computed.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|_| Busy)
    }
}

fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        // Only an output buffer too small fails: not with the default parameters.
        .expect("argon2id hash")
}

/// Checks a password. With no stored hash we still verify against a fixed one, so that
/// an unknown login takes as long to refuse as a wrong password.
fn verify(password: &str, stored: Option<&str>) -> bool {
    let stored = stored.unwrap_or_else(|| dummy_hash());
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
        && stored != dummy_hash()
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash("Guichet-dummy-0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_only_the_right_password() {
        let h = hash("Valide123");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("Valide123", Some(&h)));
        assert!(!verify("Valide124", Some(&h)));
        assert!(!verify("Guichet-dummy-0", None));
    }

    #[tokio::test]
    async fn beyond_the_workers_and_the_queue_callers_are_refused_at_once() {
        let hasher = Hasher::new(1, 2);
        let calls = (0..8).map(|_| hasher.verify("x".into(), None));
        let outcomes = futures_util::future::join_all(calls).await;
        let busy = outcomes.iter().filter(|o| **o == Err(Busy)).count();
        // One runs, two wait; the other five are refused without hashing.
        assert_eq!(busy, 5, "{outcomes:?}");
        assert_eq!(hasher.waiting.load(Ordering::SeqCst), 0);
        assert!(hasher.verify("x".into(), None).await.is_ok());
    }
}
