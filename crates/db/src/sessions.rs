//! Login sessions. An access token names its session; revoking the session refuses the
//! token at once.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::AccountId;

use crate::schema::{sessions, used_refresh_tokens};
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: i64,
    pub account_id: AccountId,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
}

pub fn insert(
    conn: &mut Conn,
    account_id: AccountId,
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

/// The live session's account and its current role, when the account is active: the
/// role is read here on every request, so a change applies at once.
pub fn find_live_holder(
    conn: &mut Conn,
    id: i64,
    now: NaiveDateTime,
) -> QueryResult<Option<(AccountId, domain::auth::Role)>> {
    use crate::schema::accounts;
    sessions::table
        .inner_join(accounts::table)
        .filter(sessions::id.eq(id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .filter(accounts::status.eq(domain::account::AccountStatus::Active))
        .select((accounts::id, accounts::role))
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

/// The live session whose refresh token `refresh_hash` was rotated at or after `since`.
pub fn find_live_rotated_since(
    conn: &mut Conn,
    refresh_hash: &str,
    since: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<Option<SessionRow>> {
    used_refresh_tokens::table
        .inner_join(sessions::table)
        .filter(used_refresh_tokens::refresh_hash.eq(refresh_hash))
        .filter(used_refresh_tokens::used_at.ge(since))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()
}

/// Replaces the refresh token and remembers the old one as used. Returns 0 when another
/// request rotated it first.
pub fn rotate(
    conn: &mut Conn,
    id: i64,
    old_hash: &str,
    new_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let rotated = diesel::update(
        sessions::table
            .find(id)
            .filter(sessions::refresh_hash.eq(old_hash)),
    )
    .set((
        sessions::refresh_hash.eq(new_hash),
        sessions::expires_at.eq(expires_at),
    ))
    .execute(conn)?;
    if rotated == 1 {
        diesel::insert_into(used_refresh_tokens::table)
            .values((
                used_refresh_tokens::refresh_hash.eq(old_hash),
                used_refresh_tokens::session_id.eq(id),
                used_refresh_tokens::used_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(rotated)
}

/// Ends the session a used refresh token belonged to; returns how many ended (0 when the
/// token was never issued).
pub fn revoke_by_previous_refresh(
    conn: &mut Conn,
    refresh_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let session = used_refresh_tokens::table
        .find(refresh_hash)
        .select(used_refresh_tokens::session_id)
        .first::<i64>(conn)
        .optional()?;
    match session {
        Some(id) => revoke(conn, id, now),
        None => Ok(0),
    }
}

/// Forgets sessions ended or expired before `before` (and their used tokens).
pub fn purge(conn: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    let ended = sessions::table
        .filter(
            sessions::expires_at
                .lt(before)
                .or(sessions::revoked_at.lt(before)),
        )
        .select(sessions::id);
    diesel::delete(
        used_refresh_tokens::table.filter(used_refresh_tokens::session_id.eq_any(ended)),
    )
    .execute(conn)?;
    diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .lt(before)
                .or(sessions::revoked_at.lt(before)),
        ),
    )
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
    account_id: AccountId,
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
