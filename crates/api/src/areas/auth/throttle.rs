//! Password guessing is slowed, not locked out: each wrong password from one client on one
//! account makes that client wait longer (progressive delay), while the owner logging in
//! from elsewhere is not held up. Many clients guessing one account meet a second, looser
//! counter. The current-password check of the account pages has a counter of its own, so
//! it never delays logins.
//!
//! A check has two steps around the argon2 work, which runs on the bounded hasher while
//! no database connection is held: [`begin`] counts the attempt (429 when it must wait),
//! [`finish`] clears the counters when the password was right.

use chrono::{NaiveDateTime, TimeDelta};
use db::throttle::{Attempt, Policy};
use domain::ids::AccountId;

use crate::client_ip::ClientIp;
use crate::error::{ApiError, ApiResult, ErrorKind};

/// One client on one account: four free tries, then 30 s, 1 min, 2 min... up to 15 min.
pub const PER_CLIENT: Policy = Policy {
    free_failures: 4,
    first_delay: TimeDelta::seconds(30),
    max_delay: TimeDelta::minutes(15),
    forget_after: TimeDelta::days(1),
};

/// Every client together on one account: a distributed guess, not a forgetful owner.
pub const PER_ACCOUNT: Policy = Policy {
    free_failures: 50,
    first_delay: TimeDelta::seconds(30),
    max_delay: TimeDelta::minutes(15),
    forget_after: TimeDelta::days(1),
};

/// The current password asked before a password or e-mail change.
pub const CURRENT_PASSWORD: Policy = PER_CLIENT;

/// The longest a counter is remembered: the periodic purge forgets older ones.
pub const FORGET_AFTER: TimeDelta = TimeDelta::days(1);

/// A counted attempt, waiting for the password check.
#[derive(Debug, Clone)]
pub struct Counted {
    keys: Vec<String>,
    /// When the next attempt may come if this one fails.
    locks_until: Option<NaiveDateTime>,
}

impl Counted {
    /// The answer to a wrong password: 429 when the next try must wait, else `wrong`.
    pub fn refusal(&self, wrong: ApiError) -> ApiError {
        match self.locks_until {
            Some(until) => too_many_attempts(until),
            None => wrong,
        }
    }
}

pub fn too_many_attempts(until: NaiveDateTime) -> ApiError {
    let seconds = (until - db::now()).num_seconds().max(1);
    let wait = if seconds < 60 {
        format!("{seconds} seconde(s)")
    } else {
        format!("{} minute(s)", (seconds + 59) / 60)
    };
    ApiError::new(ErrorKind::TooManyRequests, "too_many_attempts")
        .with_detail(format!("Vous pourrez réessayer dans {wait}."))
        .retry_after(seconds)
}

/// The login keys of an account (or of an unknown identifier) from a client.
pub fn login_keys(
    account_id: Option<AccountId>,
    identifier: &str,
    client: ClientIp,
) -> Vec<(String, Policy)> {
    let account = match account_id {
        Some(id) => format!("login:{id}"),
        None => format!("login:?{identifier}"),
    };
    vec![
        (format!("{account}@{client}"), PER_CLIENT),
        (account, PER_ACCOUNT),
    ]
}

pub fn current_password_keys(account_id: AccountId) -> Vec<(String, Policy)> {
    vec![(format!("current-password:{account_id}"), CURRENT_PASSWORD)]
}

/// Counts the attempt on every key, as a failure until [`finish`] says otherwise.
pub fn begin(conn: &mut db::Conn, keys: Vec<(String, Policy)>) -> ApiResult<Counted> {
    let now = db::now();
    db::transaction(conn, |conn| {
        let mut locks_until: Option<NaiveDateTime> = None;
        for (key, policy) in &keys {
            match db::throttle::attempt(conn, key, *policy, now)? {
                Attempt::Locked(until) => return Err(too_many_attempts(until)),
                Attempt::Allowed {
                    locks_until: Some(until),
                } => {
                    locks_until = Some(locks_until.map_or(until, |l| l.max(until)));
                }
                Attempt::Allowed { locks_until: None } => {}
            }
        }
        Ok(Counted {
            keys: keys.into_iter().map(|(key, _)| key).collect(),
            locks_until,
        })
    })
}

/// After a right password: the counters start afresh.
pub fn finish(conn: &mut db::Conn, counted: &Counted) -> ApiResult<()> {
    for key in &counted.keys {
        db::throttle::clear(conn, key)?;
    }
    Ok(())
}

/// After a password reset: every login counter of the account, from every client.
pub fn forgive_account(conn: &mut db::Conn, account_id: AccountId) -> ApiResult<()> {
    db::throttle::clear_with_prefix(conn, &format!("login:{account_id}"), '@')?;
    Ok(())
}
