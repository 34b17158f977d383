//! `guichet create-admin`: the first administrator, created from the command line (there is
//! never a default password). Prints the link to choose the password, also e-mailed.

use domain::auth::Role;
use domain::civility::Civility;
use domain::staff::NewStaff;
use validator::Validate;

use crate::areas::agent::staff;
use crate::config::Settings;
use crate::error::ApiError;

pub const USAGE: &str = "usage: guichet create-admin --email ADRESSE --first-name PRÉNOM --birth-name NOM [--civility madame|monsieur]";

/// Parses `--name value` pairs into the new admin.
pub fn parse(args: &[String]) -> Result<NewStaff, String> {
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let civility = match value("--civility").as_deref() {
        None | Some("madame") => Civility::Madame,
        Some("monsieur") => Civility::Monsieur,
        Some(other) => return Err(format!("unknown civility `{other}`\n{USAGE}")),
    };
    let new = NewStaff {
        civility,
        first_name: value("--first-name").ok_or(USAGE)?,
        birth_name: value("--birth-name").ok_or(USAGE)?,
        email: value("--email").ok_or(USAGE)?,
        role: Role::Admin,
    };
    new.validate().map_err(|e| {
        domain::validation::field_errors(&e)
            .into_iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok(new)
}

/// Creates the admin in the configured database (migrating it first if needed).
pub async fn run(settings: Settings, new: NewStaff) -> Result<String, String> {
    let url = settings.database_url();
    crate::startup::prepare_data_dir(&settings).map_err(|e| e.to_string())?;
    let pool = tokio::task::spawn_blocking(move || db::pool::build(&url))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let (created, link) = db::run(&pool, move |conn| -> Result<_, ApiError> {
        db::migrate::run_pending(conn).map_err(ApiError::internal)?;
        staff::create(conn, &settings, &new)
    })
    .await
    .map_err(|e| {
        e.problem().title
            + &e.problem()
                .detail
                .map(|d| format!(" {d}"))
                .unwrap_or_default()
    })?;
    Ok(format!(
        "Administrator created: login `{}` ({}).\nChoose the password within 72 hours at:\n{link}\n(The link was also queued by e-mail; it is sent when the portal runs.)",
        created.login, created.email
    ))
}
