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

pub fn find(conn: &mut Conn, identifier: &str) -> QueryResult<Option<ThrottleRow>> {
    login_throttles::table
        .find(identifier)
        .select(ThrottleRow::as_select())
        .first(conn)
        .optional()
}

/// The rule: `max_failures` within `window` lock the identifier for `lock`.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub max_failures: i32,
    pub window: Duration,
    pub lock: Duration,
}

/// Records a failure and returns the lock end when this failure locks the identifier.
/// Call inside a transaction.
pub fn record_failure(
    conn: &mut Conn,
    identifier: &str,
    policy: Policy,
    now: NaiveDateTime,
) -> QueryResult<Option<NaiveDateTime>> {
    let current = find(conn, identifier)?;
    let (failures, window_started_at) = match current {
        Some(row) if row.window_started_at + policy.window > now => {
            (row.failures + 1, row.window_started_at)
        }
        _ => (1, now),
    };
    let locked_until = (failures >= policy.max_failures).then_some(now + policy.lock);
    let values = (
        login_throttles::identifier.eq(identifier),
        login_throttles::failures.eq(failures),
        login_throttles::window_started_at.eq(window_started_at),
        login_throttles::locked_until.eq(locked_until),
    );
    each_backend!(conn, c => diesel::insert_into(login_throttles::table)
        .values(values)
        .on_conflict(login_throttles::identifier)
        .do_update()
        .set(values)
        .execute(c))?;
    Ok(locked_until)
}

pub fn clear(conn: &mut Conn, identifier: &str) -> QueryResult<usize> {
    diesel::delete(login_throttles::table.find(identifier)).execute(conn)
}
