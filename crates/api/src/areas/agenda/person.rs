//! "Agenda de": any person of the caller's household, with what they are enrolled in.

use domain::ids::{AccountId, HouseholdId, PersonId};

use super::rules::Person;
use crate::areas::profile::service::holder;
use crate::areas::requests::views::display_name;
use crate::error::{ApiError, ApiResult};

/// A person of the signed-in household (any other is "not found").
pub fn of_household(conn: &mut db::Conn, account: AccountId, id: PersonId) -> ApiResult<Person> {
    let (_, household) = holder(conn, account)?;
    in_household(conn, household, id)
}

/// A person of `household`, as that household books for them (an agent acting for it).
pub fn in_household(
    conn: &mut db::Conn,
    household: HouseholdId,
    id: PersonId,
) -> ApiResult<Person> {
    let member = db::households::members(conn, household)?
        .into_iter()
        .find(|m| m.person_id == id)
        .ok_or_else(ApiError::not_found)?;
    let enrolled = db::enrolments::of_household(conn, household)?
        .into_iter()
        .filter(|e| e.person_id == id)
        .map(|e| (e.activity, e.school_year))
        .collect();
    let schooled = db::households::enrolments(conn, &[id])?
        .into_iter()
        .map(|e| e.school_year)
        .collect();
    Ok(Person {
        household,
        name: display_name(&member.first_name, &member.birth_name),
        enrolled,
        schooled,
    })
}
