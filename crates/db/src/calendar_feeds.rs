//! A household's calendar feed: the SHA-256 of its secret address.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::HouseholdId;

use crate::bookings::BookingRow;
use crate::schema_agenda::{bookings, calendar_feeds};
use crate::Conn;

/// Replaces the household's feed (the old address stops working).
pub fn replace(
    conn: &mut Conn,
    household: HouseholdId,
    token_hash: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    let values = (
        calendar_feeds::household_id.eq(household),
        calendar_feeds::token_hash.eq(token_hash),
        calendar_feeds::created_at.eq(at),
    );
    crate::each_backend!(conn, c => diesel::insert_into(calendar_feeds::table)
        .values(values)
        .on_conflict(calendar_feeds::household_id)
        .do_update()
        .set((
            calendar_feeds::token_hash.eq(token_hash),
            calendar_feeds::created_at.eq(at),
        ))
        .execute(c))
    .map(|_| ())
}

pub fn revoke(conn: &mut Conn, household: HouseholdId) -> QueryResult<usize> {
    diesel::delete(calendar_feeds::table.find(household)).execute(conn)
}

/// When the household's feed was made, if it has one.
pub fn created(conn: &mut Conn, household: HouseholdId) -> QueryResult<Option<NaiveDateTime>> {
    calendar_feeds::table
        .find(household)
        .select(calendar_feeds::created_at)
        .first(conn)
        .optional()
}

/// The household a feed address opens.
pub fn household_of(conn: &mut Conn, token_hash: &str) -> QueryResult<Option<HouseholdId>> {
    calendar_feeds::table
        .filter(calendar_feeds::token_hash.eq(token_hash))
        .select(calendar_feeds::household_id)
        .first(conn)
        .optional()
}

/// The household's live bookings from `from` to `to`, by day, at most `limit`.
pub fn bookings(
    conn: &mut Conn,
    household: HouseholdId,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    limit: i64,
) -> QueryResult<Vec<BookingRow>> {
    bookings::table
        .filter(bookings::household_id.eq(household))
        .filter(bookings::day.between(from, to))
        .filter(bookings::status.ne(domain::agenda::BookingStatus::Cancelled))
        .order((bookings::day, bookings::person_id, bookings::id))
        .limit(limit)
        .select(BookingRow::as_select())
        .load(conn)
}
