//! Attendance ("pointage") of booked children, recorded by agents: one per booking, a
//! later recording replaces it.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::agenda::Attendance;
use domain::ids::{AccountId, BookingId};

use crate::schema_agenda::attendances;
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attendances)]
pub struct AttendanceRow {
    pub booking_id: BookingId,
    pub attendance: Attendance,
    pub reason: Option<String>,
    pub recorded_by: AccountId,
    pub recorded_at: NaiveDateTime,
}

/// Records (or replaces) the booking's attendance.
pub fn record(conn: &mut Conn, row: &AttendanceRow) -> QueryResult<()> {
    let values = (
        attendances::booking_id.eq(row.booking_id),
        attendances::attendance.eq(row.attendance),
        attendances::reason.eq(&row.reason),
        attendances::recorded_by.eq(row.recorded_by),
        attendances::recorded_at.eq(row.recorded_at),
    );
    let changes = (
        attendances::attendance.eq(row.attendance),
        attendances::reason.eq(&row.reason),
        attendances::recorded_by.eq(row.recorded_by),
        attendances::recorded_at.eq(row.recorded_at),
    );
    crate::each_backend!(conn, c => diesel::insert_into(attendances::table)
        .values(values)
        .on_conflict(attendances::booking_id)
        .do_update()
        .set(changes)
        .execute(c))
    .map(|_| ())
}

/// The attendances of these bookings.
pub fn of_bookings(conn: &mut Conn, ids: &[BookingId]) -> QueryResult<Vec<AttendanceRow>> {
    attendances::table
        .filter(attendances::booking_id.eq_any(ids))
        .select(AttendanceRow::as_select())
        .load(conn)
}

/// Whether the booking's attendance is recorded.
pub fn exists(conn: &mut Conn, booking: BookingId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(attendances::table.find(booking))).get_result(conn)
}
