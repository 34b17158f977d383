//! Creating agent and admin accounts: active at once, with a login and no password; a
//! single-use link lets the person choose one. Used by `POST /api/admin/staff` and by
//! the `guichet create-admin` command (the first admin).

use chrono::TimeDelta;
use domain::account::AccountStatus;
use domain::account::TokenPurpose;
use domain::auth::Role;
use domain::email::Email;
use domain::login::{suggested_login, with_suffix};
use domain::staff::{NewStaff, StaffCreated};

use crate::config::Settings;
use crate::error::{on_constraint, ApiError, ApiResult, ErrorKind};
use crate::links;
use crate::mail::{self, templates};

/// How long the link to choose a password stays valid.
pub const LINK_HOURS: i64 = 72;

/// Creates the account and queues the mail; returns the account and the link.
pub fn create(
    conn: &mut db::Conn,
    settings: &Settings,
    new: &NewStaff,
) -> ApiResult<(StaffCreated, String)> {
    if new.role == Role::Citizen {
        return Err(ApiError::field("role", "invalid_value"));
    }
    let email = Email::parse(&new.email).map_err(|code| ApiError::field("email", code))?;
    db::transaction(conn, |conn| {
        if db::accounts::find_by_email(conn, email.as_str())?.is_some() {
            return Err(ApiError::new(ErrorKind::Conflict, "email_taken"));
        }
        let now = db::now();
        let (first, birth) = (new.first_name.trim(), new.birth_name.trim());
        let person_id = db::accounts::insert_staff_person(
            conn,
            &db::accounts::NewStaffPerson {
                civility: new.civility,
                first_name: first,
                birth_name: birth,
                created_at: now,
                updated_at: now,
            },
        )?;
        let base = suggested_login(first, birth);
        let taken = db::accounts::logins_like(conn, &base)?;
        let login = std::iter::once(base.clone())
            .chain((2..).map(|n| with_suffix(&base, n)))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or(base);
        let id = db::accounts::insert_active(
            conn,
            &db::accounts::NewAccount {
                person_id,
                email: email.as_str(),
                role: new.role,
                status: AccountStatus::Active,
                terms_accepted_at: now,
                privacy_consent_at: now,
                created_at: now,
            },
            &login,
            now,
        )
        .map_err(|e| {
            // Another creation took the address or the login meanwhile.
            on_constraint(e, "accounts_email_key", "accounts.email", || {
                ApiError::new(ErrorKind::Conflict, "email_taken")
            })
        })?;
        let token = links::issue(
            conn,
            id,
            TokenPurpose::PasswordReset,
            TimeDelta::hours(LINK_HOURS),
        )?;
        let link = format!("{}/reinitialisation/{token}", settings.public_url());
        mail::queue(
            conn,
            &templates::staff_welcome(settings, email.as_str(), &login, &link),
        )?;
        Ok((
            StaffCreated {
                id,
                login,
                email: email.into_inner(),
                role: new.role,
            },
            link,
        ))
    })
}
