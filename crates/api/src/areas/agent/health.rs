//! Health information (RGPD art. 9) on the agents' side. A request's health answers and
//! a household's recorded health information reach only agents an admin gave the
//! health permission, and each time they do is logged; other agents learn only that
//! there is some ("withheld"). Admins read the log.

use std::collections::HashMap;

use domain::ids::{AccountId, HouseholdId};
use domain::profile::Profile;
use domain::request::RequestDetail;
use domain::staff::{HealthAccess, HealthAccessContext, StaffPermission};

use crate::areas::profile::service::household_profile;
use crate::areas::requests::views::{self, display_name};
use crate::config::Settings;
use crate::error::{ApiError, ApiResult, ErrorKind};

pub fn may_read(conn: &mut db::Conn, agent: AccountId) -> ApiResult<bool> {
    Ok(db::staff_permissions::has(
        conn,
        agent,
        StaffPermission::Health,
    )?)
}

/// Refused (403 `health_permission_required`) without the health permission.
pub fn require(conn: &mut db::Conn, agent: AccountId) -> ApiResult<()> {
    if may_read(conn, agent)? {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorKind::Forbidden,
            "health_permission_required",
        ))
    }
}

/// The request as this agent may read it.
pub fn request_detail(
    conn: &mut db::Conn,
    agent: AccountId,
    row: db::requests::RequestRow,
) -> ApiResult<RequestDetail> {
    let mut detail = views::detail(conn, row)?;
    let has_health = detail
        .form
        .fields()
        .any(|f| f.is_health() && detail.answers.contains_key(&f.name));
    if !has_health {
        return Ok(detail);
    }
    if may_read(conn, agent)? {
        db::health::log_access(
            conn,
            agent,
            detail.household_id,
            Some(detail.request.id),
            HealthAccessContext::Request,
            db::now(),
        )?;
    } else {
        detail.withheld = detail.form.withhold_health(&mut detail.answers);
    }
    Ok(detail)
}

/// The household's profile as this agent may read it.
pub fn household(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: HouseholdId,
) -> ApiResult<Profile> {
    let mut profile = household_profile(conn, settings.commune.activities(), id)?;
    if profile.health.is_empty() {
        return Ok(profile);
    }
    if may_read(conn, agent)? {
        db::health::log_access(
            conn,
            agent,
            id,
            None,
            HealthAccessContext::Household,
            db::now(),
        )?;
    } else {
        profile.health.clear();
        profile.health_withheld = true;
    }
    Ok(profile)
}

/// How many lines "Journal des accès aux données de santé" shows.
pub const LOG_LINES: i64 = 500;

/// The latest accesses, newest first (all, or one household's).
pub fn accesses(
    conn: &mut db::Conn,
    household: Option<HouseholdId>,
) -> ApiResult<Vec<HealthAccess>> {
    let rows = db::health::accesses(conn, household, LOG_LINES)?;
    let mut holders: HashMap<HouseholdId, String> = HashMap::new();
    for id in rows.iter().map(|r| r.household_id) {
        if holders.contains_key(&id) {
            continue;
        }
        let name = match db::households::holder_of(conn, id)? {
            Some(person) => db::persons::find(conn, person)?
                .map(|p| display_name(&p.first_name, &p.birth_name))
                .unwrap_or_default(),
            None => String::new(),
        };
        holders.insert(id, name);
    }
    Ok(rows
        .into_iter()
        .map(|r| HealthAccess {
            accessed_at: r.accessed_at.and_utc(),
            agent_id: r.account_id,
            agent: format!(
                "{} {}",
                r.agent_first_name,
                r.agent_birth_name.to_uppercase()
            ),
            household: holders.get(&r.household_id).cloned().unwrap_or_default(),
            household_id: r.household_id,
            request_id: r.request_id,
            context: r.context,
        })
        .collect())
}
