//! What an accepted fiche enfant records on the child for a school year besides its
//! enrolments: the persons to contact and/or authorised to pick it up, the
//! authorisations the family gave, the school transport. A later fiche of the same year
//! replaces them.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::{HouseholdId, PersonId, RequestId};
use domain::request::form::ChildContact;

use crate::schema::{child_authorisations, child_contacts, child_transport, persons};
use crate::Conn;

/// Whose record, for which year, from which request.
#[derive(Debug, Clone, Copy)]
pub struct RecordOf<'a> {
    pub household_id: HouseholdId,
    pub person_id: PersonId,
    pub school_year: &'a str,
    pub request_id: RequestId,
    pub at: NaiveDateTime,
}

/// Replaces the child's contacts of that year with these.
pub fn replace_contacts(
    conn: &mut Conn,
    of: RecordOf,
    contacts: &[ChildContact],
) -> QueryResult<()> {
    diesel::delete(
        child_contacts::table
            .filter(child_contacts::household_id.eq(of.household_id))
            .filter(child_contacts::person_id.eq(of.person_id))
            .filter(child_contacts::school_year.eq(of.school_year)),
    )
    .execute(conn)?;
    for (position, c) in (0..).zip(contacts) {
        diesel::insert_into(child_contacts::table)
            .values((
                child_contacts::household_id.eq(of.household_id),
                child_contacts::person_id.eq(of.person_id),
                child_contacts::school_year.eq(of.school_year),
                child_contacts::position.eq(position),
                child_contacts::last_name.eq(&c.last_name),
                child_contacts::first_name.eq(&c.first_name),
                child_contacts::relation.eq(&c.relation),
                child_contacts::phone.eq(&c.phone),
                child_contacts::other_phone.eq(&c.other_phone),
                child_contacts::pickup.eq(c.pickup),
                child_contacts::emergency.eq(c.emergency),
                child_contacts::request_id.eq(of.request_id),
                child_contacts::created_at.eq(of.at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Records an authorisation (`code` is the fiche's field), with the wording answered.
pub fn set_authorisation(
    conn: &mut Conn,
    of: RecordOf,
    code: &str,
    wording: &str,
    granted: bool,
) -> QueryResult<()> {
    diesel::delete(
        child_authorisations::table
            .filter(child_authorisations::household_id.eq(of.household_id))
            .filter(child_authorisations::person_id.eq(of.person_id))
            .filter(child_authorisations::school_year.eq(of.school_year))
            .filter(child_authorisations::code.eq(code)),
    )
    .execute(conn)?;
    diesel::insert_into(child_authorisations::table)
        .values((
            child_authorisations::household_id.eq(of.household_id),
            child_authorisations::person_id.eq(of.person_id),
            child_authorisations::school_year.eq(of.school_year),
            child_authorisations::code.eq(code),
            child_authorisations::wording.eq(wording),
            child_authorisations::granted.eq(granted),
            child_authorisations::given_at.eq(of.at),
            child_authorisations::request_id.eq(of.request_id),
        ))
        .execute(conn)
        .map(|_| ())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = child_contacts)]
pub struct ContactRow {
    pub person_id: PersonId,
    pub school_year: String,
    pub last_name: String,
    pub first_name: String,
    pub relation: String,
    pub phone: String,
    pub other_phone: Option<String>,
    pub pickup: bool,
    pub emergency: bool,
}

/// The household's contacts, latest school year first, children oldest first.
pub fn contacts(conn: &mut Conn, household: HouseholdId) -> QueryResult<Vec<ContactRow>> {
    child_contacts::table
        .inner_join(persons::table)
        .filter(child_contacts::household_id.eq(household))
        .order((
            child_contacts::school_year.desc(),
            persons::birth_date,
            child_contacts::person_id,
            child_contacts::position,
        ))
        .select(ContactRow::as_select())
        .load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = child_authorisations)]
pub struct AuthorisationRow {
    pub person_id: PersonId,
    pub school_year: String,
    pub code: String,
    pub wording: String,
    pub granted: bool,
    pub given_at: NaiveDateTime,
}

/// The household's authorisations, latest school year first, children oldest first.
pub fn authorisations(
    conn: &mut Conn,
    household: HouseholdId,
) -> QueryResult<Vec<AuthorisationRow>> {
    child_authorisations::table
        .inner_join(persons::table)
        .filter(child_authorisations::household_id.eq(household))
        .order((
            child_authorisations::school_year.desc(),
            persons::birth_date,
            child_authorisations::person_id,
            child_authorisations::id,
        ))
        .select(AuthorisationRow::as_select())
        .load(conn)
}

/// Records the child's school transport for the year.
pub fn set_transport(
    conn: &mut Conn,
    of: RecordOf,
    morning: bool,
    evening: bool,
) -> QueryResult<()> {
    diesel::delete(
        child_transport::table
            .filter(child_transport::household_id.eq(of.household_id))
            .filter(child_transport::person_id.eq(of.person_id))
            .filter(child_transport::school_year.eq(of.school_year)),
    )
    .execute(conn)?;
    diesel::insert_into(child_transport::table)
        .values((
            child_transport::household_id.eq(of.household_id),
            child_transport::person_id.eq(of.person_id),
            child_transport::school_year.eq(of.school_year),
            child_transport::morning.eq(morning),
            child_transport::evening.eq(evening),
            child_transport::request_id.eq(of.request_id),
            child_transport::recorded_at.eq(of.at),
        ))
        .execute(conn)
        .map(|_| ())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = child_transport)]
pub struct TransportRow {
    pub person_id: PersonId,
    pub school_year: String,
    pub morning: bool,
    pub evening: bool,
}

/// The household's school transport, latest school year first, children oldest first.
pub fn transports(conn: &mut Conn, household: HouseholdId) -> QueryResult<Vec<TransportRow>> {
    child_transport::table
        .inner_join(persons::table)
        .filter(child_transport::household_id.eq(household))
        .order((
            child_transport::school_year.desc(),
            persons::birth_date,
            child_transport::person_id,
        ))
        .select(TransportRow::as_select())
        .load(conn)
}
