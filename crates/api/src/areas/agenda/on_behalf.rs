//! Bookings an agent makes or cancels for a family (a parent on the phone, a child who
//! came without a booking): the family's rules, unless the agent gives a reason, which
//! lifts the deadlines and stays in the history beside the agent's name.

use domain::agenda::{AgentBookingInput, AgentCancellation, Booking, BookingStatus};
use domain::ids::{AccountId, BookingId, HouseholdId, PersonId};

use super::offer;
use super::person;
use super::rules::Moment;
use super::service::{book_in, cancel_in, view, Author};
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};

fn agent(account: AccountId, reason: &Option<String>) -> Author {
    Author {
        account,
        agent: true,
        reason: reason.as_ref().map(|r| r.trim().to_string()),
    }
}

/// Books for a person of `household`.
pub fn book(
    conn: &mut db::Conn,
    settings: &Settings,
    by: AccountId,
    household: HouseholdId,
    id: PersonId,
    input: &AgentBookingInput,
    at: Moment,
) -> ApiResult<Booking> {
    db::transaction(conn, |conn| {
        let person = person::in_household(conn, household, id)?;
        let offer = offer::find(settings, &input.activity, &input.unit)?;
        let author = agent(by, &input.reason);
        let row = book_in(conn, settings, &person, id, offer, input.day, at, &author)?;
        view(conn, &row)
    })
}

/// Cancels a live booking (or takes it off the waiting list).
pub fn cancel(
    conn: &mut db::Conn,
    settings: &Settings,
    by: AccountId,
    booking: BookingId,
    input: &AgentCancellation,
    at: Moment,
) -> ApiResult<Booking> {
    db::transaction(conn, |conn| {
        let row = db::bookings::find(conn, booking)?
            .filter(|b| b.status != BookingStatus::Cancelled)
            .ok_or_else(ApiError::not_found)?;
        cancel_in(conn, settings, &row, at, &agent(by, &input.reason))?;
        let row = db::bookings::find(conn, booking)?.ok_or_else(ApiError::not_found)?;
        view(conn, &row)
    })
}
