//! Login with throttling, refresh, logout, forgotten login or password, password change.

use actix_web::http::StatusCode;
use chrono::TimeDelta;
use domain::auth::{
    Accepted, ForgottenLoginRequest, ForgottenPasswordRequest, LoginRequest, PasswordChangeRequest,
    PasswordResetInfo, PasswordResetRequest, RefreshRequest, Session,
};
use domain::email::Email;

use super::sessions;
use crate::auth_user::AuthUser;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use crate::links;
use crate::mail::{self, templates};
use crate::security::{password, tokens};
use crate::state::AppState;

/// Five failures within 15 minutes lock the identifier for 15 minutes.
pub const THROTTLE: db::throttle::Policy = db::throttle::Policy {
    max_failures: 5,
    window: TimeDelta::minutes(15),
    lock: TimeDelta::minutes(15),
};

fn too_many_attempts(until: chrono::NaiveDateTime) -> ApiError {
    let seconds = (until - db::now()).num_seconds();
    let minutes = (seconds + 59) / 60;
    ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts")
        .with_detail(format!("Vous pourrez réessayer dans {minutes} minute(s)."))
        .retry_after(seconds)
}

fn find_account(
    conn: &mut db::Conn,
    identifier: &str,
) -> ApiResult<Option<db::accounts::AccountRow>> {
    Ok(if identifier.contains('@') {
        db::accounts::find_by_email(conn, identifier)?
    } else {
        db::accounts::find_by_login(conn, identifier)?
    })
    .map(|found| found.filter(|a| a.is_active()))
}

/// The throttle key of an account (login and e-mail share it), or of an unknown identifier.
fn throttle_key(account: Option<&db::accounts::AccountRow>, identifier: &str) -> String {
    match account {
        Some(account) => format!("account:{}", account.id),
        None => format!("unknown:{identifier}"),
    }
}

/// Counts the attempt, then checks the password: 429 while locked (even with the right
/// password), `false` for a wrong one.
fn guarded_verify(
    conn: &mut db::Conn,
    key: &str,
    password: &str,
    stored: Option<&str>,
) -> ApiResult<(bool, Option<chrono::NaiveDateTime>)> {
    let attempt = db::transaction(conn, |c| db::throttle::attempt(c, key, THROTTLE, db::now()))?;
    let locks_until = match attempt {
        db::throttle::Attempt::Locked(until) => return Err(too_many_attempts(until)),
        db::throttle::Attempt::Allowed { locks_until } => locks_until,
    };
    let verified = password::verify(password, stored);
    if verified {
        db::throttle::clear(conn, key)?;
    }
    Ok((verified, locks_until))
}

/// Checks the signed-in person's current password (password or e-mail change), under
/// the same throttle as login.
pub fn check_password(
    conn: &mut db::Conn,
    account: &db::accounts::AccountRow,
    password: &str,
) -> ApiResult<()> {
    let key = throttle_key(Some(account), "");
    match guarded_verify(conn, &key, password, account.password_hash.as_deref())? {
        (true, _) => Ok(()),
        (false, Some(until)) => Err(too_many_attempts(until)),
        (false, None) => Err(ApiError::field("current_password", "wrong_password")),
    }
}

pub async fn login(state: &AppState, request: LoginRequest) -> ApiResult<Session> {
    let identifier = request.login.trim().to_lowercase();
    let jwt = state.jwt.clone();
    db::run(&state.pool, move |conn| {
        let account = find_account(conn, &identifier)?;
        let key = throttle_key(account.as_ref(), &identifier);
        let stored = account.as_ref().and_then(|a| a.password_hash.as_deref());
        let (verified, locks_until) = guarded_verify(conn, &key, &request.password, stored)?;
        match account.filter(|_| verified) {
            Some(account) => db::transaction(conn, |c| sessions::open(c, &jwt, account.id)),
            None => Err(match locks_until {
                Some(until) => too_many_attempts(until),
                None => ApiError::new(StatusCode::UNAUTHORIZED, "invalid_credentials"),
            }),
        }
    })
    .await
}

pub async fn refresh(state: &AppState, request: RefreshRequest) -> ApiResult<Session> {
    let jwt = state.jwt.clone();
    db::run(&state.pool, move |conn| {
        db::transaction(conn, |conn| {
            let old_hash = tokens::digest(&request.refresh_token);
            let session = db::sessions::find_live_by_refresh(conn, &old_hash, db::now())?
                .ok_or_else(ApiError::unauthenticated)?;
            let new_token = tokens::generate();
            let expires = db::now() + TimeDelta::days(sessions::SESSION_DAYS);
            if db::sessions::rotate(
                conn,
                session.id,
                &old_hash,
                &tokens::digest(&new_token),
                expires,
            )? != 1
            {
                return Err(ApiError::unauthenticated());
            }
            sessions::issue(conn, &jwt, session.account_id, session.id, new_token)
        })
    })
    .await
}

pub async fn logout(state: &AppState, user: AuthUser) -> ApiResult<()> {
    db::run(&state.pool, move |conn| {
        db::sessions::revoke(conn, user.session_id, db::now())?;
        Ok(())
    })
    .await
}

pub async fn forgotten_login(
    state: &AppState,
    request: ForgottenLoginRequest,
) -> ApiResult<Accepted> {
    let email = Email::parse(&request.email).map_err(|code| ApiError::field("email", code))?;
    let settings = state.settings.clone();
    let address = email.into_inner();
    db::run(&state.pool, move |conn| {
        db::transaction(conn, |conn| {
            if let Some(account) = find_account(conn, &address)? {
                let login = account.login.unwrap_or_default();
                let reminder = templates::forgotten_login(&settings, &account.email, &login);
                if !mail::sent_recently(conn, &reminder)? {
                    mail::queue(conn, &reminder)?;
                }
            }
            Ok::<_, ApiError>(())
        })
    })
    .await?;
    state.wake_mailer();
    Ok(Accepted {
        message: "Si un compte correspond à cette adresse, votre identifiant vient de vous être envoyé par courriel.".into(),
    })
}

pub async fn forgotten_password(
    state: &AppState,
    request: ForgottenPasswordRequest,
) -> ApiResult<Accepted> {
    let identifier = request.identifier.trim().to_lowercase();
    let settings = state.settings.clone();
    db::run(&state.pool, move |conn| {
        db::transaction(conn, |conn| {
            if let Some(account) = find_account(conn, &identifier)? {
                let login = account.login.clone().unwrap_or_default();
                // The subject does not depend on the token: probe the cooldown with it.
                let probe = templates::password_reset(&settings, &account.email, &login, "");
                if mail::sent_recently(conn, &probe)? {
                    return Ok(());
                }
                let token = links::issue(
                    conn,
                    account.id,
                    db::tokens::PURPOSE_PASSWORD_RESET,
                    TimeDelta::minutes(templates::RESET_MINUTES),
                )?;
                mail::queue(
                    conn,
                    &templates::password_reset(&settings, &account.email, &login, &token),
                )?;
            }
            Ok::<_, ApiError>(())
        })
    })
    .await?;
    state.wake_mailer();
    Ok(Accepted {
        message: "Si un compte correspond, un courriel vient de vous être envoyé afin de vous permettre de réinitialiser votre mot de passe.".into(),
    })
}

pub fn reset_info(conn: &mut db::Conn, token: &str) -> ApiResult<PasswordResetInfo> {
    let link = links::check(conn, db::tokens::PURPOSE_PASSWORD_RESET, token)?;
    let account = db::accounts::find(conn, link.account_id)?.ok_or_else(ApiError::not_found)?;
    Ok(PasswordResetInfo {
        login: account.login.unwrap_or_default(),
    })
}

/// Sets a new password from a reset link and ends every session of the account.
pub async fn reset_password(
    state: &AppState,
    token: String,
    request: PasswordResetRequest,
) -> ApiResult<()> {
    let hash = password::hash(&request.password).map_err(ApiError::internal)?;
    let settings = state.settings.clone();
    db::run(&state.pool, move |conn| {
        db::transaction(conn, |conn| {
            let link = links::check(conn, db::tokens::PURPOSE_PASSWORD_RESET, &token)?;
            links::consume(conn, &link)?;
            let account =
                db::accounts::find(conn, link.account_id)?.ok_or_else(ApiError::not_found)?;
            db::throttle::clear(conn, &throttle_key(Some(&account), ""))?;
            set_password(conn, &settings, &account, &hash, None)
        })
    })
    .await?;
    state.wake_mailer();
    Ok(())
}

/// Changes the password of the signed-in person and ends their other sessions.
pub async fn change_password(
    state: &AppState,
    user: AuthUser,
    request: PasswordChangeRequest,
) -> ApiResult<()> {
    let settings = state.settings.clone();
    db::run(&state.pool, move |conn| {
        let account =
            db::accounts::find(conn, user.account_id)?.ok_or_else(ApiError::unauthenticated)?;
        check_password(conn, &account, &request.current_password)?;
        let hash = password::hash(&request.password).map_err(ApiError::internal)?;
        db::transaction(conn, |conn| {
            set_password(conn, &settings, &account, &hash, Some(user.session_id))
        })
    })
    .await?;
    state.wake_mailer();
    Ok(())
}

/// Stores a new password hash, ends every session but `keep`, and tells the account
/// holder by mail. Call inside the transaction of the change.
fn set_password(
    conn: &mut db::Conn,
    settings: &Settings,
    account: &db::accounts::AccountRow,
    hash: &str,
    keep: Option<i64>,
) -> ApiResult<()> {
    db::accounts::set_password(conn, account.id, hash)?;
    db::sessions::revoke_others(conn, account.id, keep, db::now())?;
    let login = account.login.as_deref().unwrap_or_default();
    mail::queue(
        conn,
        &templates::password_changed(settings, &account.email, login),
    )?;
    Ok(())
}
