//! Proof-of-work challenge: the accessible alternative to the image captcha.
//!
//! The server picks a secret number `n <= max_number` and a random salt and publishes
//! `challenge = hex(sha256(salt + n))`. The browser finds `n` by trying every number
//! (a second or two on a phone) while the page shows progress; nobody has to read or hear
//! anything. The server keeps each challenge and accepts it once.

use sha2::{Digest, Sha256};

pub fn digest(salt: &str, number: u64) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt.as_bytes());
    hasher.update(number.to_string().as_bytes());
    hex::encode(hasher.finalize())
}

pub fn verify(salt: &str, challenge: &str, number: u64) -> bool {
    digest(salt, number) == challenge
}

/// Searches `from..=to` and returns the number whose digest is the challenge.
/// The SPA calls it in slices to update its progress bar between them.
pub fn solve_range(salt: &str, challenge: &str, from: u64, to: u64) -> Option<u64> {
    (from..=to).find(|n| verify(salt, challenge, *n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_challenge_is_solved_and_verified() {
        let challenge = digest("sel", 4242);
        assert_eq!(solve_range("sel", &challenge, 0, 10_000), Some(4242));
        assert!(verify("sel", &challenge, 4242));
        assert!(!verify("sel", &challenge, 4243));
        assert_eq!(solve_range("sel", &challenge, 0, 100), None);
    }
}
