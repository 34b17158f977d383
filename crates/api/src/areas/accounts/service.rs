//! Creating and activating accounts.

use chrono::TimeDelta;
use domain::account::AccountStatus;
use domain::account::TokenPurpose;
use domain::account::{ActivationInfo, RegistrationAccepted, RegistrationRequest};
use domain::auth::{Role, Session};
use domain::email::Email;
use domain::login::{suggested_login, with_suffix, Login};
use domain::problem::FieldError;

use crate::areas::auth::sessions;
use crate::areas::captcha;
use crate::config::{CaptchaMode, Settings};
use crate::error::{on_constraint, ApiError, ApiResult, ErrorKind};
use crate::links;
use crate::mail::{self, templates};
use crate::security::jwt::JwtKeys;

fn clean(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean_optional(value: &Option<String>) -> Option<String> {
    value.as_deref().map(clean).filter(|v| !v.is_empty())
}

/// Marks a registration that lost a race with another one for the same address.
fn lost_race() -> ApiError {
    ApiError::new(ErrorKind::Conflict, "email_taken")
}

/// "Enregistrer la demande": checks the captcha (spent either way), then saves the
/// registration and queues its mail in one transaction.
pub fn register(
    conn: &mut db::Conn,
    settings: &Settings,
    request: &RegistrationRequest,
) -> ApiResult<RegistrationAccepted> {
    let email = Email::parse(&request.email).map_err(|code| ApiError::field("email", code))?;
    if settings.captcha == CaptchaMode::Enabled {
        captcha::service::verify(conn, &request.captcha)?;
    }
    match db::transaction(conn, |conn| {
        save_registration(conn, settings, request, email.as_str())
    }) {
        // Another registration of this address won the race and sent its mail: answer
        // as if this one had.
        Err(e) if e.code() == "email_taken" => {}
        other => other?,
    }
    Ok(RegistrationAccepted {
        message: format!(
            "Votre demande a bien été enregistrée. Un courriel vient d'être envoyé à {email} : cliquez sur le lien qu'il contient pour activer votre compte."
        ),
        email: email.into_inner(),
    })
}

fn save_registration(
    conn: &mut db::Conn,
    settings: &Settings,
    r: &RegistrationRequest,
    email: &str,
) -> ApiResult<()> {
    let now = db::now();
    let person = db::accounts::NewPerson {
        civility: r.civility,
        birth_name: clean(&r.birth_name),
        first_name: clean(&r.first_name),
        second_first_name: clean_optional(&r.second_first_name),
        third_first_name: clean_optional(&r.third_first_name),
        birth_date: r.birth_date,
        birth_country: clean(&r.birth_country),
        birth_city: clean(&r.birth_city),
        birth_department: clean_optional(&r.birth_department).map(|d| d.to_uppercase()),
        sex: None,
        updated_at: now,
    };
    let cooldown = mail::REGISTRATION_COOLDOWN_MINUTES;
    let validity = TimeDelta::hours(templates::ACTIVATION_HOURS);
    let (first_name, token) = match db::accounts::find_by_email(conn, email)? {
        Some(existing) if existing.is_active() => {
            let login = existing.login.unwrap_or_default();
            let reminder = templates::already_registered(settings, email, &login);
            if !mail::sent_within(conn, &reminder, cooldown)? {
                mail::queue(conn, &reminder)?;
            }
            return Ok(());
        }
        Some(pending) if db::tokens::has_live(conn, pending.id, TokenPurpose::Activation, now)? => {
            // Someone holds a working link for this address: its identity stays as it
            // is and that link keeps working. The address gets one more link, at most
            // once per cooldown, in case the first mail was lost.
            let profile =
                db::accounts::find_profile(conn, pending.id)?.ok_or_else(ApiError::not_found)?;
            let probe = templates::activation(settings, email, &profile.first_name, "");
            if mail::sent_within(conn, &probe, cooldown)? {
                return Ok(());
            }
            let token = links::add(conn, pending.id, TokenPurpose::Activation, validity)?;
            (profile.first_name, token)
        }
        Some(stale) => {
            // Registered before, and that link expired: nobody can activate it, the
            // latest identity wins.
            db::accounts::update_person(conn, stale.person_id, &person)?;
            db::accounts::renew_consents(conn, stale.id, now)?;
            let token = links::issue(conn, stale.id, TokenPurpose::Activation, validity)?;
            (person.first_name.clone(), token)
        }
        None => {
            let person_id = db::accounts::insert_person(conn, &person, now)?;
            // A registration of the same address committed meanwhile: the transaction
            // rolls back; the answer stays the same, as for an existing account.
            let account_id = db::accounts::insert_account(
                conn,
                &db::accounts::NewAccount {
                    person_id,
                    email,
                    role: Role::Citizen,
                    status: AccountStatus::Pending,
                    terms_accepted_at: now,
                    privacy_consent_at: now,
                    created_at: now,
                },
            )
            .map_err(|e| on_constraint(e, "accounts_email_key", "accounts.email", lost_race))?;
            let token = links::issue(conn, account_id, TokenPurpose::Activation, validity)?;
            (person.first_name.clone(), token)
        }
    };
    mail::queue(
        conn,
        &templates::activation(settings, email, &first_name, &token),
    )?;
    Ok(())
}

pub fn activation_info(conn: &mut db::Conn, token: &str) -> ApiResult<ActivationInfo> {
    let link = links::check(conn, TokenPurpose::Activation, token)?;
    let profile =
        db::accounts::find_profile(conn, link.account_id)?.ok_or_else(ApiError::not_found)?;
    let base = suggested_login(&profile.first_name, &profile.birth_name);
    let taken = db::accounts::logins_like(conn, &base)?;
    let suggested = std::iter::once(base.clone())
        .chain((2..).map(|n| with_suffix(&base, n)))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base);
    Ok(ActivationInfo {
        first_name: profile.first_name,
        birth_name: profile.birth_name,
        email: profile.account.email,
        suggested_login: suggested,
    })
}

fn login_taken() -> ApiError {
    ApiError::new(ErrorKind::Conflict, "login_taken")
        .with_errors(vec![FieldError::new("login", "login_taken")])
}

/// Checks the link and the login before the password is hashed: a bogus link costs no
/// hash.
pub fn check_activation(conn: &mut db::Conn, token: &str, login: &str) -> ApiResult<Login> {
    let login = Login::parse(login).map_err(|code| ApiError::field("login", code))?;
    links::check(conn, TokenPurpose::Activation, token)?;
    if db::accounts::find_by_login(conn, login.as_str())?.is_some() {
        return Err(login_taken());
    }
    Ok(login)
}

/// Sets login and password (already hashed), opens the household and a session.
pub fn activate(
    conn: &mut db::Conn,
    jwt: &JwtKeys,
    token: &str,
    login: &Login,
    hash: &str,
) -> ApiResult<Session> {
    db::transaction(conn, |conn| {
        let link = links::check(conn, TokenPurpose::Activation, token)?;
        if db::accounts::find_by_login(conn, login.as_str())?.is_some() {
            return Err(login_taken());
        }
        links::consume(conn, &link)?;
        let activated =
            db::accounts::activate(conn, link.account_id, login.as_str(), hash, db::now())
                .map_err(|e| {
                    on_constraint(e, "accounts_login_key", "accounts.login", login_taken)
                })?;
        if activated != 1 {
            return Err(ApiError::new(ErrorKind::NotFound, "link_invalid"));
        }
        let account = db::accounts::find(conn, link.account_id)?.ok_or_else(ApiError::not_found)?;
        db::households::create_for_holder(conn, account.person_id, db::now())?;
        sessions::open(conn, jwt, link.account_id)
    })
}
