//! The agents' Agenda: the day's units, a unit's list, attendance, bookings for a family.

use chrono::NaiveDate;
use domain::agenda::{
    AgentBookingInput, AgentCancellation, AttendanceInput, AttendanceRecord, Booking, Roster,
    UnitDaySummary,
};
use domain::ids::{BookingId, HouseholdId, PersonId};

use super::client::{encode, ApiResult, Authed};

pub async fn day(authed: &Authed, day: NaiveDate) -> ApiResult<Vec<UnitDaySummary>> {
    authed.get(&format!("/agent/agenda?day={day}")).await
}

pub async fn unit_day(
    authed: &Authed,
    activity: &str,
    unit: &str,
    day: NaiveDate,
) -> ApiResult<Roster> {
    authed
        .get(&format!(
            "/agent/agenda/{}/{}?day={day}",
            encode(activity),
            encode(unit)
        ))
        .await
}

pub async fn record_attendance(
    authed: &Authed,
    booking: BookingId,
    input: &AttendanceInput,
) -> ApiResult<AttendanceRecord> {
    authed
        .put(&format!("/agent/bookings/{booking}/attendance"), input)
        .await
}

pub async fn book(
    authed: &Authed,
    household: HouseholdId,
    person: PersonId,
    input: &AgentBookingInput,
) -> ApiResult<Booking> {
    authed
        .post(
            &format!("/agent/households/{household}/persons/{person}/bookings"),
            input,
        )
        .await
}

pub async fn cancel(
    authed: &Authed,
    booking: BookingId,
    input: &AgentCancellation,
) -> ApiResult<Booking> {
    authed
        .post(&format!("/agent/bookings/{booking}/cancel"), input)
        .await
}
