//! Single-use, expiring links sent by e-mail (activation, password reset). Only a hash of
//! each token is stored.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::account::TokenPurpose;
use domain::ids::AccountId;

use crate::schema::account_tokens;
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = account_tokens)]
pub struct TokenRow {
    pub id: i64,
    pub account_id: AccountId,
    pub purpose: TokenPurpose,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

pub fn insert(
    conn: &mut Conn,
    account_id: AccountId,
    purpose: TokenPurpose,
    token_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(account_tokens::table)
        .values((
            account_tokens::account_id.eq(account_id),
            account_tokens::purpose.eq(purpose),
            account_tokens::token_hash.eq(token_hash),
            account_tokens::expires_at.eq(expires_at),
            account_tokens::created_at.eq(now),
        ))
        .execute(conn)
}

pub fn find(
    conn: &mut Conn,
    purpose: TokenPurpose,
    token_hash: &str,
) -> QueryResult<Option<TokenRow>> {
    account_tokens::table
        .filter(account_tokens::token_hash.eq(token_hash))
        .filter(account_tokens::purpose.eq(purpose))
        .select(TokenRow::as_select())
        .first(conn)
        .optional()
}

/// Whether the account has an unused, unexpired link for `purpose`.
pub fn has_live(
    conn: &mut Conn,
    account_id: AccountId,
    purpose: TokenPurpose,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        account_tokens::table
            .filter(account_tokens::account_id.eq(account_id))
            .filter(account_tokens::purpose.eq(purpose))
            .filter(account_tokens::used_at.is_null())
            .filter(account_tokens::expires_at.gt(now)),
    ))
    .get_result(conn)
}

/// Consumes a token. Returns 0 when it was already used (a concurrent request won).
pub fn consume(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        account_tokens::table
            .find(id)
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(now))
    .execute(conn)
}

/// Retires the unused tokens of an account for a purpose, when a new one replaces them.
pub fn retire_all(
    conn: &mut Conn,
    account_id: AccountId,
    purpose: TokenPurpose,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        account_tokens::table
            .filter(account_tokens::account_id.eq(account_id))
            .filter(account_tokens::purpose.eq(purpose))
            .filter(account_tokens::used_at.is_null()),
    )
    .set(account_tokens::used_at.eq(now))
    .execute(conn)
}

/// Forgets links used or expired before `before`.
pub fn purge(conn: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        account_tokens::table.filter(
            account_tokens::expires_at
                .lt(before)
                .or(account_tokens::used_at.lt(before)),
        ),
    )
    .execute(conn)
}
