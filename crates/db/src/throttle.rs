//! Failed-login counters, kept in the database so that every instance sees them.

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

/// The rule: `max_failures` within `window` lock the identifier for `lock`.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub max_failures: i32,
    pub window: Duration,
    pub lock: Duration,
}

/// The outcome of counting an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Locked until then: do not even check the password.
    Locked(NaiveDateTime),
    /// Go on; if this attempt fails, the key is locked until `locks_until` (when set).
    Allowed { locks_until: Option<NaiveDateTime> },
}

/// Counts an attempt for `key` before the password is checked, so that parallel guesses
/// cannot slip past the count; a success then calls [`clear`]. Call inside a transaction:
/// the row is locked (PostgreSQL) or the database is (SQLite `BEGIN IMMEDIATE`).
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
    let (failures, window_started_at) = match row.locked_until {
        None if row.window_started_at + policy.window > now => {
            (row.failures + 1, row.window_started_at)
        }
        _ => (1, now),
    };
    let locks_until = (failures >= policy.max_failures).then_some(now + policy.lock);
    diesel::update(login_throttles::table.find(key))
        .set((
            login_throttles::failures.eq(failures),
            login_throttles::window_started_at.eq(window_started_at),
            login_throttles::locked_until.eq(locks_until),
        ))
        .execute(conn)?;
    Ok(Attempt::Allowed { locks_until })
}

pub fn clear(conn: &mut Conn, identifier: &str) -> QueryResult<usize> {
    diesel::delete(login_throttles::table.find(identifier)).execute(conn)
}
