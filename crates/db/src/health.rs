//! Health information (RGPD art. 9): what a child's accepted fiche recorded for a school
//! year, and the log of each time an agent was shown a household's.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::{AccountId, HouseholdId, PersonId, RequestId};
use domain::staff::HealthAccessContext;

use crate::child_records::RecordOf;
use crate::schema::{accounts, child_health, health_access_log, persons};
use crate::Conn;

/// One answer: the fiche's field, its label, the answer in words.
#[derive(Debug, Clone, Copy)]
pub struct HealthAnswer<'a> {
    pub code: &'a str,
    pub label: &'a str,
    pub value: &'a str,
}

/// Replaces the child's health information of that year with these answers.
pub fn replace(conn: &mut Conn, of: RecordOf, answers: &[HealthAnswer]) -> QueryResult<()> {
    diesel::delete(
        child_health::table
            .filter(child_health::household_id.eq(of.household_id))
            .filter(child_health::person_id.eq(of.person_id))
            .filter(child_health::school_year.eq(of.school_year)),
    )
    .execute(conn)?;
    for (position, a) in (0..).zip(answers) {
        diesel::insert_into(child_health::table)
            .values((
                child_health::household_id.eq(of.household_id),
                child_health::person_id.eq(of.person_id),
                child_health::school_year.eq(of.school_year),
                child_health::position.eq(position),
                child_health::code.eq(a.code),
                child_health::label.eq(a.label),
                child_health::value.eq(a.value),
                child_health::request_id.eq(of.request_id),
                child_health::recorded_at.eq(of.at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = child_health)]
pub struct HealthRow {
    pub person_id: PersonId,
    pub school_year: String,
    pub code: String,
    pub label: String,
    pub value: String,
}

/// The household's health information, latest school year first, children oldest first.
pub fn of_household(conn: &mut Conn, household: HouseholdId) -> QueryResult<Vec<HealthRow>> {
    child_health::table
        .inner_join(persons::table)
        .filter(child_health::household_id.eq(household))
        .order((
            child_health::school_year.desc(),
            persons::birth_date,
            child_health::person_id,
            child_health::position,
        ))
        .select(HealthRow::as_select())
        .load(conn)
}

/// Records that `account` was shown the household's health information.
pub fn log_access(
    conn: &mut Conn,
    account: AccountId,
    household: HouseholdId,
    request: Option<RequestId>,
    context: HealthAccessContext,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(health_access_log::table)
        .values((
            health_access_log::account_id.eq(account),
            health_access_log::household_id.eq(household),
            health_access_log::request_id.eq(request),
            health_access_log::context.eq(context),
            health_access_log::accessed_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

#[derive(Debug, Clone, Queryable)]
pub struct AccessRow {
    pub accessed_at: NaiveDateTime,
    pub account_id: AccountId,
    pub agent_first_name: String,
    pub agent_birth_name: String,
    pub household_id: HouseholdId,
    pub request_id: Option<RequestId>,
    pub context: HealthAccessContext,
}

/// The latest accesses first, at most `limit`; only those of `household` when given.
pub fn accesses(
    conn: &mut Conn,
    household: Option<HouseholdId>,
    limit: i64,
) -> QueryResult<Vec<AccessRow>> {
    let mut query = health_access_log::table
        .inner_join(accounts::table.inner_join(persons::table))
        .order((
            health_access_log::accessed_at.desc(),
            health_access_log::id.desc(),
        ))
        .select((
            health_access_log::accessed_at,
            health_access_log::account_id,
            persons::first_name,
            persons::birth_name,
            health_access_log::household_id,
            health_access_log::request_id,
            health_access_log::context,
        ))
        .limit(limit)
        .into_boxed();
    if let Some(h) = household {
        query = query.filter(health_access_log::household_id.eq(h));
    }
    query.load(conn)
}
