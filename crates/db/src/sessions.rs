//! Login sessions. An access token names its session; revoking the session refuses the
//! token at once.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::sessions;
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: i64,
    pub account_id: i64,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

pub fn insert(
    conn: &mut Conn,
    account_id: i64,
    refresh_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::account_id.eq(account_id),
            sessions::refresh_hash.eq(refresh_hash),
            sessions::expires_at.eq(expires_at),
            sessions::created_at.eq(now),
        ))
        .returning(sessions::id)
        .get_result(conn)
}

/// The session if it is neither revoked nor expired.
pub fn find_live(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<Option<SessionRow>> {
    sessions::table
        .find(id)
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_live_by_refresh(
    conn: &mut Conn,
    refresh_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<SessionRow>> {
    sessions::table
        .filter(sessions::refresh_hash.eq(refresh_hash))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()
}

/// Replaces the refresh token. Returns 0 when another request rotated it first.
pub fn rotate(
    conn: &mut Conn,
    id: i64,
    old_hash: &str,
    new_hash: &str,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .find(id)
            .filter(sessions::refresh_hash.eq(old_hash)),
    )
    .set((
        sessions::refresh_hash.eq(new_hash),
        sessions::expires_at.eq(expires_at),
    ))
    .execute(conn)
}

pub fn revoke(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .find(id)
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now))
    .execute(conn)
}

/// Ends every session of an account but `keep` (after a password change or reset).
pub fn revoke_others(
    conn: &mut Conn,
    account_id: i64,
    keep: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .filter(sessions::account_id.eq(account_id))
            .filter(sessions::id.ne(keep.unwrap_or(-1)))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now))
    .execute(conn)
}
