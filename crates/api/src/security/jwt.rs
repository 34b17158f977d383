//! Access tokens: short-lived HS256 JWTs naming a session. The session row is checked on
//! every request, so logging out refuses the token at once.

use domain::ids::AccountId;
use std::path::Path;

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// Lifetime of an access token.
pub const ACCESS_TTL_SECONDS: i64 = 15 * 60;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// Account id.
    pub sub: String,
    /// Session id.
    pub sid: i64,
    pub role: String,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

pub enum TokenError {
    Expired,
    Invalid,
}

impl JwtKeys {
    pub fn from_secret(secret: &[u8]) -> JwtKeys {
        JwtKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }

    /// Reads the key kept in the data directory, creating it on first start, so that a
    /// restart does not log everybody out.
    pub fn load_or_create(data_dir: &Path) -> std::io::Result<JwtKeys> {
        let path = data_dir.join("jwt-secret");
        if let Ok(existing) = std::fs::read_to_string(&path) {
            if existing.trim().len() >= 32 {
                return Ok(JwtKeys::from_secret(existing.trim().as_bytes()));
            }
        }
        crate::private_files::create_dir(data_dir)?;
        let secret = format!("{}{}", super::tokens::generate(), super::tokens::generate());
        crate::private_files::write_new(&path, secret.as_bytes())?;
        tracing::info!(path = %path.display(), "generated a new token signing key");
        Ok(JwtKeys::from_secret(secret.as_bytes()))
    }

    pub fn issue(
        &self,
        account_id: AccountId,
        session_id: i64,
        role: &str,
    ) -> Result<String, String> {
        self.issue_at(account_id, session_id, role, chrono::Utc::now().timestamp())
    }

    /// A token as issued at `now` (a Unix time): for tests of expiry.
    pub fn issue_at(
        &self,
        account_id: AccountId,
        session_id: i64,
        role: &str,
        now: i64,
    ) -> Result<String, String> {
        let claims = Claims {
            sub: account_id.to_string(),
            sid: session_id,
            role: role.to_string(),
            iat: now,
            exp: now + ACCESS_TTL_SECONDS,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(|e| e.to_string())
    }

    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        decode::<Claims>(token, &self.decoding, &validation)
            .map(|data| data.claims)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => TokenError::Expired,
                _ => TokenError::Invalid,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_key_is_kept_so_a_restart_keeps_people_logged_in() {
        let dir = std::env::temp_dir().join(format!("guichet-jwt-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let before_restart = JwtKeys::load_or_create(&dir).unwrap();
        let token = before_restart.issue(AccountId(7), 3, "citizen").unwrap();
        let after_restart = JwtKeys::load_or_create(&dir).unwrap();
        let claims = after_restart
            .verify(&token)
            .ok()
            .expect("still valid after a restart");
        assert_eq!((claims.sub.as_str(), claims.sid), ("7", 3));
        // Another key refuses it.
        assert!(
            JwtKeys::from_secret(b"another key of at least thirty-two bytes")
                .verify(&token)
                .is_err()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
