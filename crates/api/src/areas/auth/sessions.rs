//! Opening sessions: a refresh token (stored hashed) and a short-lived access token.

use chrono::TimeDelta;
use domain::auth::{Me, Session};
use domain::ids::AccountId;

use crate::error::{ApiError, ApiResult};
use crate::security::jwt::{JwtKeys, ACCESS_TTL_SECONDS};
use crate::security::tokens;

/// How long a session lasts without being refreshed.
pub const SESSION_DAYS: i64 = 30;

pub fn open(conn: &mut db::Conn, jwt: &JwtKeys, account_id: AccountId) -> ApiResult<Session> {
    let now = db::now();
    let refresh_token = tokens::generate();
    let session_id = db::sessions::insert(
        conn,
        account_id,
        &tokens::digest(&refresh_token),
        now + TimeDelta::days(SESSION_DAYS),
        now,
    )?;
    issue(conn, jwt, account_id, session_id, Some(refresh_token))
}

/// Access token and profile for an open session, with its new refresh token if any.
pub fn issue(
    conn: &mut db::Conn,
    jwt: &JwtKeys,
    account_id: AccountId,
    session_id: i64,
    refresh_token: Option<String>,
) -> ApiResult<Session> {
    let account = me(conn, account_id)?;
    let access_token = jwt
        .issue(account_id, session_id, account.role.as_str())
        .map_err(ApiError::internal)?;
    Ok(Session {
        access_token,
        token_type: "Bearer".into(),
        expires_in: ACCESS_TTL_SECONDS,
        refresh_token,
        account,
    })
}

pub fn me(conn: &mut db::Conn, account_id: AccountId) -> ApiResult<Me> {
    let profile = db::accounts::find_profile(conn, account_id)?
        .filter(|p| p.account.is_active())
        .ok_or_else(ApiError::unauthenticated)?;
    Ok(Me {
        id: profile.account.id,
        login: profile.account.login.unwrap_or_default(),
        email: profile.account.email,
        civility: profile.civility,
        first_name: profile.first_name,
        birth_name: profile.birth_name,
        role: profile.account.role,
    })
}
