//! Réservations: a person's bookings of a unit for a day, the places each unit and day has
//! taken, and the history of what was done. Services compose these in one transaction.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::agenda::{BookingAction, BookingStatus};
use domain::ids::{AccountId, BookingId, HouseholdId, PersonId};

use crate::schema_agenda::{booking_events, bookings, unit_days};
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = bookings)]
pub struct BookingRow {
    pub id: BookingId,
    pub household_id: HouseholdId,
    pub person_id: PersonId,
    pub activity: String,
    pub unit: String,
    pub day: NaiveDate,
    pub status: BookingStatus,
}

pub struct NewBooking<'a> {
    pub household_id: HouseholdId,
    pub person_id: PersonId,
    pub activity: &'a str,
    pub unit: &'a str,
    pub day: NaiveDate,
    pub status: BookingStatus,
    pub at: NaiveDateTime,
}

pub fn insert(conn: &mut Conn, new: &NewBooking) -> QueryResult<BookingId> {
    diesel::insert_into(bookings::table)
        .values((
            bookings::household_id.eq(new.household_id),
            bookings::person_id.eq(new.person_id),
            bookings::activity.eq(new.activity),
            bookings::unit.eq(new.unit),
            bookings::day.eq(new.day),
            bookings::status.eq(new.status),
            bookings::created_at.eq(new.at),
            bookings::updated_at.eq(new.at),
        ))
        .returning(bookings::id)
        .get_result(conn)
}

pub fn find(conn: &mut Conn, id: BookingId) -> QueryResult<Option<BookingRow>> {
    bookings::table
        .find(id)
        .select(BookingRow::as_select())
        .first(conn)
        .optional()
}

/// Holds the booking's row until the transaction ends: a cancellation and an attendance
/// of the same booking happen one after the other (a row lock on PostgreSQL; SQLite's
/// `BEGIN IMMEDIATE` already runs writers one at a time). The row as it is now.
pub fn lock(conn: &mut Conn, id: BookingId) -> QueryResult<Option<BookingRow>> {
    match conn {
        Conn::Pg(c) => bookings::table
            .find(id)
            .select(BookingRow::as_select())
            .for_update()
            .first(c)
            .optional(),
        Conn::Sqlite(_) => find(conn, id),
    }
}

/// The person's live bookings (booked or waiting) from `from` to `to`, by day.
pub fn of_person(
    conn: &mut Conn,
    person: PersonId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<BookingRow>> {
    bookings::table
        .filter(bookings::person_id.eq(person))
        .filter(bookings::day.between(from, to))
        .filter(bookings::status.ne(BookingStatus::Cancelled))
        .order((bookings::day, bookings::id))
        .select(BookingRow::as_select())
        .load(conn)
}

/// Holds the unit's day until the transaction ends: bookings, waiting-list places and
/// promotions of one unit and day then happen one after the other, each seeing the
/// previous one (on PostgreSQL as on SQLite, where writers queue anyway). The day's first
/// lock counts the places already booked (a unit given a capacity after bookings were
/// made).
pub fn lock_day(conn: &mut Conn, activity: &str, unit: &str, day: NaiveDate) -> QueryResult<()> {
    let created = crate::each_backend!(conn, c => diesel::insert_into(unit_days::table)
        .values((
            unit_days::activity.eq(activity),
            unit_days::unit.eq(unit),
            unit_days::day.eq(day),
            unit_days::booked.eq(0),
        ))
        .on_conflict((unit_days::activity, unit_days::unit, unit_days::day))
        .do_nothing()
        .execute(c))?;
    let row = unit_days::table
        .filter(unit_days::activity.eq(activity))
        .filter(unit_days::unit.eq(unit))
        .filter(unit_days::day.eq(day));
    if created == 1 {
        let booked = booked_count(conn, activity, unit, day)?;
        return diesel::update(row)
            .set(unit_days::booked.eq(i32::try_from(booked).unwrap_or(i32::MAX)))
            .execute(conn)
            .map(|_| ());
    }
    diesel::update(row)
        .set(unit_days::booked.eq(unit_days::booked))
        .execute(conn)
        .map(|_| ())
}

/// Takes one of `capacity` places of the unit on the day (held by [`lock_day`]): false
/// when none is left.
pub fn take_place(
    conn: &mut Conn,
    activity: &str,
    unit: &str,
    day: NaiveDate,
    capacity: u32,
) -> QueryResult<bool> {
    let capacity = i32::try_from(capacity).unwrap_or(i32::MAX);
    let taken = diesel::update(
        unit_days::table
            .filter(unit_days::activity.eq(activity))
            .filter(unit_days::unit.eq(unit))
            .filter(unit_days::day.eq(day))
            .filter(unit_days::booked.lt(capacity)),
    )
    .set(unit_days::booked.eq(unit_days::booked + 1))
    .execute(conn)?;
    Ok(taken == 1)
}

/// Gives a place back.
pub fn free_place(conn: &mut Conn, activity: &str, unit: &str, day: NaiveDate) -> QueryResult<()> {
    diesel::update(
        unit_days::table
            .filter(unit_days::activity.eq(activity))
            .filter(unit_days::unit.eq(unit))
            .filter(unit_days::day.eq(day))
            .filter(unit_days::booked.gt(0)),
    )
    .set(unit_days::booked.eq(unit_days::booked - 1))
    .execute(conn)
    .map(|_| ())
}

/// Moves a booking from one state to another: 0 when it was no longer in `from`.
pub fn set_status(
    conn: &mut Conn,
    id: BookingId,
    from: BookingStatus,
    to: BookingStatus,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(bookings::table.find(id).filter(bookings::status.eq(from)))
        .set((bookings::status.eq(to), bookings::updated_at.eq(at)))
        .execute(conn)
}

/// The first booking waiting for a place of the unit on the day.
pub fn first_waiting(
    conn: &mut Conn,
    activity: &str,
    unit: &str,
    day: NaiveDate,
) -> QueryResult<Option<BookingRow>> {
    bookings::table
        .filter(bookings::activity.eq(activity))
        .filter(bookings::unit.eq(unit))
        .filter(bookings::day.eq(day))
        .filter(bookings::status.eq(BookingStatus::Waiting))
        .order(bookings::id)
        .select(BookingRow::as_select())
        .first(conn)
        .optional()
}

/// A waiting booking's place in line, from 1.
pub fn position(conn: &mut Conn, booking: &BookingRow) -> QueryResult<i64> {
    bookings::table
        .filter(bookings::activity.eq(&booking.activity))
        .filter(bookings::unit.eq(&booking.unit))
        .filter(bookings::day.eq(booking.day))
        .filter(bookings::status.eq(BookingStatus::Waiting))
        .filter(bookings::id.le(booking.id))
        .count()
        .get_result(conn)
}

/// Bookings of the unit on the day, booked (not waiting).
pub fn booked_count(
    conn: &mut Conn,
    activity: &str,
    unit: &str,
    day: NaiveDate,
) -> QueryResult<i64> {
    bookings::table
        .filter(bookings::activity.eq(activity))
        .filter(bookings::unit.eq(unit))
        .filter(bookings::day.eq(day))
        .filter(bookings::status.eq(BookingStatus::Booked))
        .count()
        .get_result(conn)
}

pub struct NewEvent {
    pub booking: BookingId,
    pub household_id: HouseholdId,
    pub person_id: PersonId,
    pub action: BookingAction,
    pub author: Option<AccountId>,
    pub by_agent: bool,
    pub at: NaiveDateTime,
    /// Why an agent went past a deadline.
    pub reason: Option<String>,
}

pub fn add_event(conn: &mut Conn, new: &NewEvent) -> QueryResult<()> {
    diesel::insert_into(booking_events::table)
        .values((
            booking_events::booking_id.eq(new.booking),
            booking_events::household_id.eq(new.household_id),
            booking_events::person_id.eq(new.person_id),
            booking_events::action.eq(new.action),
            booking_events::author_id.eq(new.author),
            booking_events::by_agent.eq(new.by_agent),
            booking_events::at.eq(new.at),
            booking_events::reason.eq(&new.reason),
        ))
        .execute(conn)
        .map(|_| ())
}

#[derive(Debug, Clone, Queryable)]
pub struct EventRow {
    pub action: BookingAction,
    pub author: Option<AccountId>,
    pub by_agent: bool,
    pub at: NaiveDateTime,
    pub reason: Option<String>,
    pub day: NaiveDate,
    pub activity: String,
    pub unit: String,
}

/// What was done for the person's days from `from` to `to`, latest first, as seen by
/// `household` (each household sees its own actions).
pub fn events(
    conn: &mut Conn,
    household: HouseholdId,
    person: PersonId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<EventRow>> {
    booking_events::table
        .inner_join(bookings::table)
        .filter(booking_events::person_id.eq(person))
        .filter(booking_events::household_id.eq(household))
        .filter(bookings::day.between(from, to))
        .order((booking_events::at.desc(), booking_events::id.desc()))
        .select((
            booking_events::action,
            booking_events::author_id,
            booking_events::by_agent,
            booking_events::at,
            booking_events::reason,
            bookings::day,
            bookings::activity,
            bookings::unit,
        ))
        .load(conn)
}
