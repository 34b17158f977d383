//! Staff accounts. Creating one: active at once, with a login and no password; a
//! single-use link lets the person choose one (`POST /api/admin/staff` and the
//! `guichet create-admin` command, for the first admin). Listing them, disabling one
//! (its sessions end) and re-enabling it; granting and withdrawing a permission.

use chrono::TimeDelta;
use domain::account::AccountStatus;
use domain::account::TokenPurpose;
use domain::auth::Role;
use domain::email::Email;
use domain::ids::AccountId;
use domain::login::{suggested_login, with_suffix};
use domain::staff::{NewStaff, StaffCreated, StaffMember, StaffPermission};

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

/// Every staff account, by name.
pub fn list(conn: &mut db::Conn) -> ApiResult<Vec<StaffMember>> {
    let rows = db::accounts::staff(conn)?;
    let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
    let granted = db::staff_permissions::of(conn, &ids)?;
    Ok(rows.into_iter().map(|r| member(r, &granted)).collect())
}

fn one(conn: &mut db::Conn, id: AccountId) -> ApiResult<StaffMember> {
    let row = db::accounts::staff_member(conn, id)?.ok_or_else(ApiError::not_found)?;
    let granted = db::staff_permissions::of(conn, &[id])?;
    Ok(member(row, &granted))
}

fn member(row: db::accounts::StaffRow, granted: &[(AccountId, StaffPermission)]) -> StaffMember {
    StaffMember {
        permissions: granted
            .iter()
            .filter(|(id, _)| *id == row.id)
            .map(|(_, p)| *p)
            .collect(),
        id: row.id,
        login: row.login.unwrap_or_default(),
        email: row.email,
        civility: row.civility,
        first_name: row.first_name,
        birth_name: row.birth_name,
        role: row.role,
        status: row.status,
    }
}

/// Disables (`active = false`) or re-enables a staff account. Disabling ends its
/// sessions in the same transaction; an administrator cannot disable themself.
pub fn set_active(
    conn: &mut db::Conn,
    admin: AccountId,
    id: AccountId,
    active: bool,
) -> ApiResult<StaffMember> {
    if !active && id == admin {
        return Err(ApiError::new(ErrorKind::Conflict, "cannot_disable_self"));
    }
    db::transaction(conn, |conn| {
        let found = db::accounts::staff_member(conn, id)?.ok_or_else(ApiError::not_found)?;
        let (from, to) = if active {
            (AccountStatus::Disabled, AccountStatus::Active)
        } else {
            (AccountStatus::Active, AccountStatus::Disabled)
        };
        if found.status == from {
            db::accounts::set_status(conn, id, from, to)?;
            if !active {
                db::sessions::revoke_others(conn, id, None, db::now())?;
            }
        }
        one(conn, id)
    })
}

/// Grants (`granted`) or withdraws a permission from a staff account.
pub fn set_permission(
    conn: &mut db::Conn,
    admin: AccountId,
    id: AccountId,
    permission: StaffPermission,
    granted: bool,
) -> ApiResult<StaffMember> {
    // One statement each: no transaction, so that a grant racing another (a unique
    // violation, taken as done) does not abort what follows on PostgreSQL.
    one(conn, id)?;
    if granted {
        db::staff_permissions::grant(conn, id, permission, admin, db::now())?;
    } else {
        db::staff_permissions::revoke(conn, id, permission)?;
    }
    one(conn, id)
}
