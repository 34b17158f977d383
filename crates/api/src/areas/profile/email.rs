//! Changing the account's e-mail: the new address is used once confirmed by a link sent
//! to it; the former address is told. Whether an address already has an account is not
//! revealed when asking, only when confirming.

use chrono::TimeDelta;
use domain::account::TokenPurpose;
use domain::auth::Accepted;
use domain::email::Email;
use domain::profile::EmailChangeRequest;

use crate::config::Settings;
use crate::error::{on_constraint, ApiError, ApiResult, ErrorKind};
use crate::links;
use crate::mail::{self, templates};

pub const CONFIRMATION_HOURS: i64 = 24;

/// Asks for the change; the current password was checked by the caller.
pub fn request(
    conn: &mut db::Conn,
    settings: &Settings,
    account: &db::accounts::AccountRow,
    input: &EmailChangeRequest,
) -> ApiResult<Accepted> {
    let email = Email::parse(&input.email).map_err(|code| ApiError::field("email", code))?;
    if email.as_str() == account.email {
        return Err(ApiError::field("email", "same_email"));
    }
    db::transaction(conn, |conn| {
        db::accounts::set_pending_email(conn, account.id, email.as_str())?;
        let token = links::issue(
            conn,
            account.id,
            TokenPurpose::EmailChange,
            TimeDelta::hours(CONFIRMATION_HOURS),
        )?;
        mail::queue(
            conn,
            &templates::email_confirmation(settings, email.as_str(), &token),
        )?;
        Ok(Accepted {
            message: format!(
                "Un lien de confirmation vient d'être envoyé à {email}. Votre adresse actuelle reste utilisée tant que vous n'avez pas confirmé."
            ),
        })
    })
}

fn taken() -> ApiError {
    ApiError::new(ErrorKind::Conflict, "email_taken")
}

pub fn confirm(conn: &mut db::Conn, settings: &Settings, token: &str) -> ApiResult<Accepted> {
    db::transaction(conn, |conn| {
        let link = links::check(conn, TokenPurpose::EmailChange, token)?;
        let account = db::accounts::find(conn, link.account_id)?.ok_or_else(ApiError::not_found)?;
        let new_email = db::accounts::pending_email(conn, account.id)?
            .ok_or_else(|| ApiError::new(ErrorKind::NotFound, "link_invalid"))?;
        if db::accounts::find_by_email(conn, &new_email)?.is_some() {
            return Err(taken());
        }
        links::consume(conn, &link)?;
        db::accounts::confirm_email(conn, account.id, &new_email)
            .map_err(|e| on_constraint(e, "accounts_email_key", "accounts.email", taken))?;
        mail::queue(
            conn,
            &templates::email_changed(settings, &account.email, &new_email),
        )?;
        Ok(Accepted {
            message: format!("Votre adresse e-mail est désormais {new_email}."),
        })
    })
}
