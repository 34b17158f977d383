//! Single-use links sent by e-mail (activation, password reset): issuing and checking.

use chrono::TimeDelta;
use domain::account::TokenPurpose;
use domain::ids::AccountId;

use crate::error::{ApiError, ApiResult, ErrorKind};
use crate::security::tokens;

/// Retires the account's earlier links for `purpose` and issues a new one; returns the
/// token to put in the mail (only its hash is stored).
pub fn issue(
    conn: &mut db::Conn,
    account_id: AccountId,
    purpose: TokenPurpose,
    validity: TimeDelta,
) -> ApiResult<String> {
    db::tokens::retire_all(conn, account_id, purpose, db::now())?;
    add(conn, account_id, purpose, validity)
}

/// Issues one more link for `purpose`, leaving the earlier ones working.
pub fn add(
    conn: &mut db::Conn,
    account_id: AccountId,
    purpose: TokenPurpose,
    validity: TimeDelta,
) -> ApiResult<String> {
    let now = db::now();
    let token = tokens::generate();
    db::tokens::insert(
        conn,
        account_id,
        purpose,
        &tokens::digest(&token),
        now + validity,
        now,
    )?;
    Ok(token)
}

/// The live link for `token`: 404 `link_invalid` when unknown or used, 410 `link_expired`.
pub fn check(
    conn: &mut db::Conn,
    purpose: TokenPurpose,
    token: &str,
) -> ApiResult<db::tokens::TokenRow> {
    let row = db::tokens::find(conn, purpose, &tokens::digest(token))?
        .filter(|t| t.used_at.is_none())
        .ok_or_else(|| ApiError::new(ErrorKind::NotFound, "link_invalid"))?;
    if row.expires_at <= db::now() {
        return Err(ApiError::new(ErrorKind::Gone, "link_expired"));
    }
    Ok(row)
}

/// Spends a link checked in the same transaction; a concurrent use makes this fail.
pub fn consume(conn: &mut db::Conn, row: &db::tokens::TokenRow) -> ApiResult<()> {
    if db::tokens::consume(conn, row.id, db::now())? == 1 {
        Ok(())
    } else {
        Err(ApiError::new(ErrorKind::NotFound, "link_invalid"))
    }
}
