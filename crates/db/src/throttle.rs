//! Failed-password counters, kept in the database so that every instance sees them.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::each_backend;
use crate::schema::login_throttles;
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = login_throttles)]
pub struct ThrottleRow {
    pub identifier: String,
    pub failures: i32,
    pub window_started_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
}

/// Progressive delay (OWASP's advice rather than a hard lock): the first `free_failures`
/// failures cost nothing; each further one doubles the wait before the next attempt, from
/// `first_delay` up to `max_delay`. A key left alone for `forget_after` starts afresh.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub free_failures: i32,
    pub first_delay: Duration,
    pub max_delay: Duration,
    pub forget_after: Duration,
}

impl Policy {
    /// The wait after `failures` failures.
    pub fn delay(&self, failures: i32) -> Option<Duration> {
        let over = failures - self.free_failures - 1;
        if over < 0 {
            return None;
        }
        let factor = 1i32.checked_shl(over.min(30) as u32).unwrap_or(i32::MAX);
        Some(
            self.first_delay
                .checked_mul(factor)
                .map_or(self.max_delay, |d| d.min(self.max_delay)),
        )
    }
}

/// The outcome of counting an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Wait until then: do not even check the password.
    Locked(NaiveDateTime),
    /// Go on; if this attempt fails, the next one waits until `locks_until` (when set).
    Allowed { locks_until: Option<NaiveDateTime> },
}

/// Counts an attempt for `key` as a failure before the password is checked, so that
/// parallel guesses cannot slip past the count; a success then calls [`clear`]. Call
/// inside a transaction: the row is locked (PostgreSQL) or the database is (SQLite
/// `BEGIN IMMEDIATE`). `window_started_at` holds the last attempt, `locked_until` the
/// earliest next one.
pub fn attempt(
    conn: &mut Conn,
    key: &str,
    policy: Policy,
    now: NaiveDateTime,
) -> QueryResult<Attempt> {
    let fresh = (
        login_throttles::identifier.eq(key),
        login_throttles::failures.eq(0),
        login_throttles::window_started_at.eq(now),
        login_throttles::locked_until.eq(None::<NaiveDateTime>),
    );
    each_backend!(conn, c => diesel::insert_into(login_throttles::table)
        .values(fresh)
        .on_conflict_do_nothing()
        .execute(c))?;
    let row: ThrottleRow = match conn {
        Conn::Pg(c) => login_throttles::table
            .find(key)
            .for_update()
            .select(ThrottleRow::as_select())
            .first(c)?,
        Conn::Sqlite(c) => login_throttles::table
            .find(key)
            .select(ThrottleRow::as_select())
            .first(c)?,
    };
    if let Some(until) = row.locked_until.filter(|until| *until > now) {
        return Ok(Attempt::Locked(until));
    }
    let failures = if row.window_started_at + policy.forget_after > now {
        row.failures + 1
    } else {
        1
    };
    let locks_until = policy.delay(failures).map(|delay| now + delay);
    diesel::update(login_throttles::table.find(key))
        .set((
            login_throttles::failures.eq(failures),
            login_throttles::window_started_at.eq(now),
            login_throttles::locked_until.eq(locks_until),
        ))
        .execute(conn)?;
    Ok(Attempt::Allowed { locks_until })
}

/// Forgets keys nobody tried for `forget_after` and that wait for nothing: the table
/// stays the size of recent attempts, whatever a flood of unknown logins sends.
pub fn purge(conn: &mut Conn, policy: Policy, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        login_throttles::table
            .filter(login_throttles::window_started_at.lt(now - policy.forget_after))
            .filter(
                login_throttles::locked_until
                    .is_null()
                    .or(login_throttles::locked_until.lt(now)),
            ),
    )
    .execute(conn)
}

pub fn clear(conn: &mut Conn, identifier: &str) -> QueryResult<usize> {
    diesel::delete(login_throttles::table.find(identifier)).execute(conn)
}

/// Clears `key` and every `key<separator>...` (its per-client keys).
pub fn clear_with_prefix(conn: &mut Conn, key: &str, separator: char) -> QueryResult<usize> {
    let pattern = format!("{key}{separator}%");
    diesel::delete(
        login_throttles::table.filter(
            login_throttles::identifier
                .eq(key)
                .or(login_throttles::identifier.like(pattern)),
        ),
    )
    .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::Policy;
    use chrono::Duration;

    #[test]
    fn the_delay_doubles_after_the_free_failures_up_to_the_cap() {
        let policy = Policy {
            free_failures: 3,
            first_delay: Duration::seconds(1),
            max_delay: Duration::minutes(15),
            forget_after: Duration::days(1),
        };
        assert_eq!(policy.delay(3), None);
        assert_eq!(policy.delay(4), Some(Duration::seconds(1)));
        assert_eq!(policy.delay(6), Some(Duration::seconds(4)));
        assert_eq!(policy.delay(40), Some(Duration::minutes(15)));
        assert_eq!(policy.delay(i32::MAX), Some(Duration::minutes(15)));
    }
}
