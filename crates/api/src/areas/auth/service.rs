//! Login with throttling, refresh, logout, forgotten login or password, password change.
//! Every function is one unit of work over a connection; the argon2 steps run between
//! them, on the bounded hasher (see `checks`).

use chrono::TimeDelta;
use domain::account::TokenPurpose;
use domain::auth::{
    Accepted, ForgottenLoginRequest, ForgottenPasswordRequest, PasswordResetInfo, Session,
};
use domain::email::Email;
use domain::ids::AccountId;

use super::sessions;
use super::throttle::{self, Counted};
use crate::auth_user::AuthUser;
use crate::client_ip::ClientIp;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult, ErrorKind};
use crate::links;
use crate::mail::{self, templates};
use crate::security::jwt::JwtKeys;
use crate::security::tokens;

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

/// A password to check for an account (or for nobody: an unknown login costs the same),
/// already counted against its throttles.
#[derive(Debug, Clone)]
pub struct PasswordCheck<A> {
    pub account: A,
    stored_hash: Option<String>,
    counted: Counted,
}

impl<A> PasswordCheck<A> {
    pub fn stored_hash(&self) -> Option<String> {
        self.stored_hash.clone()
    }
}

pub type LoginCheck = PasswordCheck<Option<db::accounts::AccountRow>>;

/// First step of "Me connecter": finds the account by login or e-mail and counts the try
/// (429 when this client must wait).
pub fn begin_login(conn: &mut db::Conn, login: &str, client: ClientIp) -> ApiResult<LoginCheck> {
    let identifier = login.trim().to_lowercase();
    let account = find_account(conn, &identifier)?;
    let keys = throttle::login_keys(account.as_ref().map(|a| a.id), &identifier, client);
    let counted = throttle::begin(conn, keys)?;
    Ok(PasswordCheck {
        stored_hash: account.as_ref().and_then(|a| a.password_hash.clone()),
        account,
        counted,
    })
}

/// Last step: a session when the password was right.
pub fn finish_login(
    conn: &mut db::Conn,
    jwt: &JwtKeys,
    check: LoginCheck,
    verified: bool,
) -> ApiResult<Session> {
    match check.account.filter(|_| verified) {
        Some(account) => {
            throttle::finish(conn, &check.counted)?;
            db::transaction(conn, |c| sessions::open(c, jwt, account.id))
        }
        None => Err(check.counted.refusal(ApiError::new(
            ErrorKind::Unauthenticated,
            "invalid_credentials",
        ))),
    }
}

/// First step of the current-password check (password or e-mail change), on its own
/// counter.
pub fn begin_current_password(
    conn: &mut db::Conn,
    account_id: AccountId,
) -> ApiResult<PasswordCheck<db::accounts::AccountRow>> {
    let account = db::accounts::find(conn, account_id)?.ok_or_else(ApiError::unauthenticated)?;
    let counted = throttle::begin(conn, throttle::current_password_keys(account.id))?;
    Ok(PasswordCheck {
        stored_hash: account.password_hash.clone(),
        account,
        counted,
    })
}

/// Last step: the account when the password was right, else `wrong_password` (or 429).
pub fn finish_current_password(
    conn: &mut db::Conn,
    check: PasswordCheck<db::accounts::AccountRow>,
    verified: bool,
) -> ApiResult<db::accounts::AccountRow> {
    if !verified {
        return Err(check
            .counted
            .refusal(ApiError::field("current_password", "wrong_password")));
    }
    throttle::finish(conn, &check.counted)?;
    Ok(check.account)
}

/// A used refresh token presented again this soon after its rotation, by a browser whose
/// tabs refreshed at once (they share one cookie), is a race, not a theft.
pub const REUSE_GRACE_SECONDS: i64 = 10;

/// Exchanges a refresh token for a new pair. A refresh token used a second time means it
/// was copied: the whole session ends, for the thief and the owner alike. With
/// `tabs_share_it` (the token came from the cookie), a reuse within
/// [`REUSE_GRACE_SECONDS`] of the rotation gets an access token for the same live session
/// and no new refresh token: the cookie already holds the successor.
pub fn refresh(
    conn: &mut db::Conn,
    jwt: &JwtKeys,
    refresh_token: &str,
    tabs_share_it: bool,
) -> ApiResult<Session> {
    let old_hash = tokens::digest(refresh_token);
    let outcome = db::transaction(conn, |conn| {
        let now = db::now();
        let session = match db::sessions::find_live_by_refresh(conn, &old_hash, now)? {
            Some(session) => session,
            None if tabs_share_it => {
                let since = now - TimeDelta::seconds(REUSE_GRACE_SECONDS);
                return match db::sessions::find_live_rotated_since(conn, &old_hash, since, now)? {
                    Some(s) => sessions::issue(conn, jwt, s.account_id, s.id, None).map(Ok),
                    None => Ok(Err(())),
                };
            }
            None => return Ok(Err(())),
        };
        let new_token = tokens::generate();
        let expires = now + TimeDelta::days(sessions::SESSION_DAYS);
        let new_hash = tokens::digest(&new_token);
        if db::sessions::rotate(conn, session.id, &old_hash, &new_hash, expires, now)? != 1 {
            return Ok(Err(()));
        }
        sessions::issue(conn, jwt, session.account_id, session.id, Some(new_token)).map(Ok)
    })?;
    match outcome {
        Ok(session) => Ok(session),
        Err(()) => {
            db::transaction(conn, |conn| {
                db::sessions::revoke_by_previous_refresh(conn, &old_hash, db::now())
            })?;
            Err(ApiError::unauthenticated())
        }
    }
}

pub fn logout(conn: &mut db::Conn, user: AuthUser) -> ApiResult<()> {
    db::sessions::revoke(conn, user.session_id, db::now())?;
    Ok(())
}

pub fn forgotten_login(
    conn: &mut db::Conn,
    settings: &Settings,
    request: &ForgottenLoginRequest,
) -> ApiResult<Accepted> {
    let email = Email::parse(&request.email).map_err(|code| ApiError::field("email", code))?;
    db::transaction(conn, |conn| {
        if let Some(account) = find_account(conn, email.as_str())? {
            let login = account.login.unwrap_or_default();
            let reminder = templates::forgotten_login(settings, &account.email, &login);
            if !mail::sent_recently(conn, &reminder)? {
                mail::queue(conn, &reminder)?;
            }
        }
        Ok::<_, ApiError>(())
    })?;
    Ok(Accepted {
        message: "Si un compte correspond à cette adresse, votre identifiant vient de vous être envoyé par courriel.".into(),
    })
}

pub fn forgotten_password(
    conn: &mut db::Conn,
    settings: &Settings,
    request: &ForgottenPasswordRequest,
) -> ApiResult<Accepted> {
    let identifier = request.identifier.trim().to_lowercase();
    db::transaction(conn, |conn| {
        if let Some(account) = find_account(conn, &identifier)? {
            let login = account.login.clone().unwrap_or_default();
            // The subject does not depend on the token: probe the cooldown with it.
            let probe = templates::password_reset(settings, &account.email, &login, "");
            if mail::sent_recently(conn, &probe)? {
                return Ok(());
            }
            let token = links::issue(
                conn,
                account.id,
                TokenPurpose::PasswordReset,
                TimeDelta::minutes(templates::RESET_MINUTES),
            )?;
            mail::queue(
                conn,
                &templates::password_reset(settings, &account.email, &login, &token),
            )?;
        }
        Ok::<_, ApiError>(())
    })?;
    Ok(Accepted {
        message: "Si un compte correspond, un courriel vient de vous être envoyé afin de vous permettre de réinitialiser votre mot de passe.".into(),
    })
}

/// What the reset page shows; also the check made before hashing a new password.
pub fn reset_info(conn: &mut db::Conn, token: &str) -> ApiResult<PasswordResetInfo> {
    let link = links::check(conn, TokenPurpose::PasswordReset, token)?;
    let account = db::accounts::find(conn, link.account_id)?.ok_or_else(ApiError::not_found)?;
    Ok(PasswordResetInfo {
        login: account.login.unwrap_or_default(),
    })
}

/// Sets a new password (already hashed) from a reset link and ends every session of the
/// account. The link is checked again: another use may have won meanwhile.
pub fn reset_password(
    conn: &mut db::Conn,
    settings: &Settings,
    token: &str,
    hash: &str,
) -> ApiResult<()> {
    db::transaction(conn, |conn| {
        let link = links::check(conn, TokenPurpose::PasswordReset, token)?;
        links::consume(conn, &link)?;
        let account = db::accounts::find(conn, link.account_id)?.ok_or_else(ApiError::not_found)?;
        throttle::forgive_account(conn, account.id)?;
        set_password(conn, settings, &account, hash, None)
    })
}

/// Changes the password of the signed-in person (current password already checked) and
/// ends their other sessions.
pub fn change_password(
    conn: &mut db::Conn,
    settings: &Settings,
    account: &db::accounts::AccountRow,
    keep_session: i64,
    hash: &str,
) -> ApiResult<()> {
    db::transaction(conn, |conn| {
        set_password(conn, settings, account, hash, Some(keep_session))
    })
}

/// Stores a new password hash, ends every session but `keep`, retires the reset links
/// still out, and tells the account holder by mail. Call inside the transaction of the
/// change.
fn set_password(
    conn: &mut db::Conn,
    settings: &Settings,
    account: &db::accounts::AccountRow,
    hash: &str,
    keep: Option<i64>,
) -> ApiResult<()> {
    let now = db::now();
    db::accounts::set_password(conn, account.id, hash)?;
    db::sessions::revoke_others(conn, account.id, keep, now)?;
    db::tokens::retire_all(conn, account.id, TokenPurpose::PasswordReset, now)?;
    let login = account.login.as_deref().unwrap_or_default();
    mail::queue(
        conn,
        &templates::password_changed(settings, &account.email, login),
    )?;
    Ok(())
}
