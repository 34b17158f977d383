//! "Agenda": a person's days, booking, cancelling, the history.

use chrono::NaiveDate;
use domain::agenda::{
    Agenda, Booking, BookingEvent, BookingInput, BulkBooking, BulkReport, CalendarFeed,
    CalendarFeedStatus,
};
use domain::ids::{BookingId, PersonId};

use super::client::{ApiResult, Authed};

pub async fn days(
    authed: &Authed,
    person: PersonId,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Agenda> {
    authed
        .get(&format!("/agenda/{person}?from={from}&to={to}"))
        .await
}

pub async fn book(authed: &Authed, person: PersonId, input: &BookingInput) -> ApiResult<Booking> {
    authed
        .post(&format!("/agenda/{person}/bookings"), input)
        .await
}

pub async fn cancel(authed: &Authed, person: PersonId, booking: BookingId) -> ApiResult<Booking> {
    authed
        .delete_json(&format!("/agenda/{person}/bookings/{booking}"))
        .await
}

pub async fn history(
    authed: &Authed,
    person: PersonId,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Vec<BookingEvent>> {
    authed
        .get(&format!("/agenda/{person}/history?from={from}&to={to}"))
        .await
}

pub async fn feed(authed: &Authed) -> ApiResult<CalendarFeedStatus> {
    authed.get("/me/calendar-feed").await
}

pub async fn renew_feed(authed: &Authed) -> ApiResult<CalendarFeed> {
    authed.post_empty("/me/calendar-feed").await
}

pub async fn revoke_feed(authed: &Authed) -> ApiResult<()> {
    authed.delete("/me/calendar-feed").await
}

/// "Saisie groupée": the report, applied or not.
pub async fn bulk(authed: &Authed, form: &BulkBooking) -> ApiResult<BulkReport> {
    authed.post("/agenda/bulk", form).await
}
