//! "Pointage": an agent records whether a booked child came (present, late, absent with
//! or without justification) on the day or after. The Régie bills from it.

use domain::agenda::{Attendance, AttendanceInput, AttendanceRecord, BookingStatus};
use domain::ids::{AccountId, BookingId};

use crate::areas::requests::views::display_name;
use crate::error::{ApiError, ApiResult, ErrorKind};

/// Records (or corrects) the attendance of a booked child, on its day or later.
pub fn record(
    conn: &mut db::Conn,
    agent: AccountId,
    booking: BookingId,
    input: &AttendanceInput,
    today: chrono::NaiveDate,
) -> ApiResult<AttendanceRecord> {
    db::transaction(conn, |conn| {
        // A cancellation of the same booking waits, or is waited for.
        let row = db::bookings::lock(conn, booking)?.ok_or_else(ApiError::not_found)?;
        if row.status != BookingStatus::Booked {
            return Err(ApiError::new(ErrorKind::Conflict, "not_booked"));
        }
        if row.day > today {
            return Err(ApiError::new(ErrorKind::Conflict, "attendance_too_early"));
        }
        super::rules::plausible(row.day, "day")?;
        // A reason explains an absence; a presence has none.
        let reason = match input.attendance {
            Attendance::Present | Attendance::Late => None,
            _ => input.reason.as_ref().map(|r| r.trim().to_string()),
        };
        let recorded = db::attendances::AttendanceRow {
            booking_id: booking,
            attendance: input.attendance,
            reason,
            recorded_by: agent,
            recorded_at: db::now(),
        };
        db::attendances::record(conn, &recorded)?;
        let mut records = public(conn, vec![recorded])?;
        records
            .pop()
            .ok_or_else(|| ApiError::internal("no attendance"))
    })
}

/// The API's view of attendance rows, with the agents' names.
pub fn public(
    conn: &mut db::Conn,
    rows: Vec<db::attendances::AttendanceRow>,
) -> ApiResult<Vec<AttendanceRecord>> {
    let agents: Vec<AccountId> = rows.iter().map(|r| r.recorded_by).collect();
    let names = db::accounts::names(conn, &agents)?;
    Ok(rows
        .into_iter()
        .map(|r| AttendanceRecord {
            booking_id: r.booking_id,
            attendance: r.attendance,
            reason: r.reason,
            recorded_at: r.recorded_at.and_utc(),
            recorded_by: names
                .iter()
                .find(|(id, _, _)| *id == r.recorded_by)
                .map(|(_, first, birth)| display_name(first, birth))
                .unwrap_or_default(),
        })
        .collect())
}
