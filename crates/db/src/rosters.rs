//! What the agents' lists of a unit's day read: the live bookings, the counts of a day,
//! and what each child's fiche of the school year says that the agents need (the PAI,
//! whether health information exists, who may pick the child up).

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;
use domain::agenda::BookingStatus;
use domain::ids::{HouseholdId, PersonId};

use crate::bookings::BookingRow;
use crate::schema::{child_contacts, child_health, persons};
use crate::schema_agenda::{attendances, bookings};
use crate::Conn;

/// The live bookings (booked and waiting) of a unit's day, in the order they were made.
pub fn of_unit_day(
    conn: &mut Conn,
    activity: &str,
    unit: &str,
    day: NaiveDate,
) -> QueryResult<Vec<BookingRow>> {
    bookings::table
        .filter(bookings::activity.eq(activity))
        .filter(bookings::unit.eq(unit))
        .filter(bookings::day.eq(day))
        .filter(bookings::status.ne(BookingStatus::Cancelled))
        .order(bookings::id)
        .select(BookingRow::as_select())
        .load(conn)
}

/// `(activity, unit, status, count)` of the day's live bookings.
pub fn counts_of_day(
    conn: &mut Conn,
    day: NaiveDate,
) -> QueryResult<Vec<(String, String, BookingStatus, i64)>> {
    bookings::table
        .filter(bookings::day.eq(day))
        .filter(bookings::status.ne(BookingStatus::Cancelled))
        .group_by((bookings::activity, bookings::unit, bookings::status))
        .select((
            bookings::activity,
            bookings::unit,
            bookings::status,
            count_star(),
        ))
        .load(conn)
}

/// `(activity, unit, count)` of the day's booked children whose attendance is recorded.
pub fn recorded_of_day(conn: &mut Conn, day: NaiveDate) -> QueryResult<Vec<(String, String, i64)>> {
    bookings::table
        .inner_join(attendances::table)
        .filter(bookings::day.eq(day))
        .filter(bookings::status.eq(BookingStatus::Booked))
        .group_by((bookings::activity, bookings::unit))
        .select((bookings::activity, bookings::unit, count_star()))
        .load(conn)
}

/// `(id, first_name, birth_name, birth_date)` of a person.
pub type PersonLine = (PersonId, String, String, Option<NaiveDate>);

/// The given people's names and dates of birth.
pub fn people(conn: &mut Conn, ids: &[PersonId]) -> QueryResult<Vec<PersonLine>> {
    persons::table
        .filter(persons::id.eq_any(ids))
        .select((
            persons::id,
            persons::first_name,
            persons::birth_name,
            persons::birth_date,
        ))
        .load(conn)
}

/// `(household, person, code, value)` of the people's health information for the year.
pub fn health(
    conn: &mut Conn,
    ids: &[PersonId],
    school_year: &str,
) -> QueryResult<Vec<(HouseholdId, PersonId, String, String)>> {
    child_health::table
        .filter(child_health::person_id.eq_any(ids))
        .filter(child_health::school_year.eq(school_year))
        .select((
            child_health::household_id,
            child_health::person_id,
            child_health::code,
            child_health::value,
        ))
        .load(conn)
}

#[derive(Debug, Clone, Queryable)]
pub struct PickupRow {
    pub household_id: HouseholdId,
    pub person_id: PersonId,
    pub last_name: String,
    pub first_name: String,
    pub relation: String,
    pub phone: String,
}

/// The persons authorised to pick these children up that year, in the fiche's order.
pub fn pickups(
    conn: &mut Conn,
    ids: &[PersonId],
    school_year: &str,
) -> QueryResult<Vec<PickupRow>> {
    child_contacts::table
        .filter(child_contacts::person_id.eq_any(ids))
        .filter(child_contacts::school_year.eq(school_year))
        .filter(child_contacts::pickup.eq(true))
        .order((child_contacts::person_id, child_contacts::position))
        .select((
            child_contacts::household_id,
            child_contacts::person_id,
            child_contacts::last_name,
            child_contacts::first_name,
            child_contacts::relation,
            child_contacts::phone,
        ))
        .load(conn)
}
