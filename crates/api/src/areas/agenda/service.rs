//! Booking and cancelling, in one transaction each, every rule checked there: a booking
//! beyond capacity waits in line; a cancellation gives its place to the first in line,
//! whose family is mailed.

use domain::agenda::{Booking, BookingAction, BookingInput, BookingStatus};
use domain::ids::{AccountId, BookingId, PersonId};

use super::offer::{self, Offer};
use super::person;
use super::rules::{may_attend, may_book, may_cancel, plausible, Moment};
use crate::config::Settings;
use crate::error::{ApiError, ApiResult, ErrorKind};
use crate::mail::{self, templates};

fn conflict(code: &'static str) -> ApiError {
    ApiError::new(ErrorKind::Conflict, code)
}

/// Who changes a booking, as the history names them.
pub struct Author {
    pub account: AccountId,
    /// A town-hall agent acting for the family.
    pub agent: bool,
    /// An agent's reason: the deadlines (today, a past day, the booking and cancellation
    /// deadlines, the horizon) do not apply.
    pub reason: Option<String>,
}

impl Author {
    /// A parent of the household.
    pub fn family(account: AccountId) -> Author {
        Author {
            account,
            agent: false,
            reason: None,
        }
    }

    fn overrides_deadlines(&self) -> bool {
        self.agent && self.reason.is_some()
    }
}

/// The API's view of a booking row.
pub fn view(conn: &mut db::Conn, row: &db::bookings::BookingRow) -> ApiResult<Booking> {
    let position = match row.status {
        BookingStatus::Waiting => Some(db::bookings::position(conn, row)?),
        _ => None,
    };
    Ok(Booking {
        id: row.id,
        person_id: row.person_id,
        day: row.day,
        activity: row.activity.clone(),
        unit: row.unit.clone(),
        status: row.status,
        position,
    })
}

/// "Réserver" for a person of the caller's household.
pub fn book(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    id: PersonId,
    input: &BookingInput,
    at: Moment,
) -> ApiResult<Booking> {
    db::transaction(conn, |conn| {
        let person = person::of_household(conn, account, id)?;
        let offer = offer::find(settings, &input.activity, &input.unit)?;
        let author = Author::family(account);
        let row = book_in(conn, settings, &person, id, offer, input.day, at, &author)?;
        view(conn, &row)
    })
}

/// Books `offer` on `day` for the person, every rule checked (an agent's reason overrides
/// the deadlines), inside the caller's transaction; the history names `author`.
#[allow(clippy::too_many_arguments)]
pub fn book_in(
    conn: &mut db::Conn,
    settings: &Settings,
    person: &super::rules::Person,
    id: PersonId,
    offer: Offer,
    day: chrono::NaiveDate,
    at: Moment,
    author: &Author,
) -> ApiResult<db::bookings::BookingRow> {
    {
        let calendar = &settings.commune.calendar;
        if author.overrides_deadlines() {
            plausible(day, "day")?;
            may_attend(offer, day, person, calendar).map_err(|r| r.error())?;
        } else {
            may_book(offer, day, person, at, calendar).map_err(|r| r.error())?;
        }
        // Two units of one group booked at once for the person: one waits for the other.
        if offer.unit.exclusive.is_some() {
            db::persons::lock(conn, id)?;
        }
        let live = db::bookings::of_person(conn, id, day, day)?;
        if live
            .iter()
            .any(|b| b.activity == offer.activity.code && b.unit == offer.unit.code)
        {
            return Err(conflict("already_booked"));
        }
        if let Some(group) = &offer.unit.exclusive {
            let taken = live.iter().any(|b| {
                b.activity == offer.activity.code
                    && offer
                        .activity
                        .units
                        .iter()
                        .any(|u| u.code == b.unit && u.exclusive.as_ref() == Some(group))
            });
            if taken {
                return Err(conflict("exclusive_unit_booked"));
            }
        }
        let (activity, unit) = (&offer.activity.code, &offer.unit.code);
        let status = match offer.unit.capacity {
            Some(capacity) => {
                db::bookings::lock_day(conn, activity, unit, day)?;
                // A child an agent books for today or a past day is there: no waiting list.
                let there = author.overrides_deadlines() && day <= at.today;
                let capacity = if there { u32::MAX } else { capacity };
                match db::bookings::take_place(conn, activity, unit, day, capacity)? {
                    true => BookingStatus::Booked,
                    false => BookingStatus::Waiting,
                }
            }
            None => BookingStatus::Booked,
        };
        let now = db::now();
        let booking = db::bookings::insert(
            conn,
            &db::bookings::NewBooking {
                household_id: person.household,
                person_id: id,
                activity: &offer.activity.code,
                unit: &offer.unit.code,
                day,
                status,
                at: now,
            },
        )
        .map_err(|e| match e {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => conflict("already_booked"),
            other => other.into(),
        })?;
        event(
            conn,
            booking,
            person.household,
            id,
            BookingAction::Add,
            Some(author),
        )?;
        db::bookings::find(conn, booking)?.ok_or_else(ApiError::not_found)
    }
}

fn event(
    conn: &mut db::Conn,
    booking: BookingId,
    household: domain::ids::HouseholdId,
    person: PersonId,
    action: BookingAction,
    author: Option<&Author>,
) -> ApiResult<()> {
    Ok(db::bookings::add_event(
        conn,
        &db::bookings::NewEvent {
            booking,
            household_id: household,
            person_id: person,
            action,
            author: author.map(|a| a.account),
            by_agent: author.is_some_and(|a| a.agent),
            at: db::now(),
            reason: author.and_then(|a| a.reason.clone()),
        },
    )?)
}

/// "Annuler" a booking (or leave the waiting list) of a person of the caller's household.
pub fn cancel(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    id: PersonId,
    booking: BookingId,
    at: Moment,
) -> ApiResult<Booking> {
    db::transaction(conn, |conn| {
        let person = person::of_household(conn, account, id)?;
        let row = db::bookings::find(conn, booking)?
            .filter(|b| b.person_id == id && b.household_id == person.household)
            .filter(|b| b.status != BookingStatus::Cancelled)
            .ok_or_else(ApiError::not_found)?;
        cancel_in(conn, settings, &row, at, &Author::family(account))?;
        let row = db::bookings::find(conn, booking)?.ok_or_else(ApiError::not_found)?;
        view(conn, &row)
    })
}

/// Cancels a live booking within the deadline (an agent's reason overrides it), inside the
/// caller's transaction; its place goes to the first in line. A booking whose attendance
/// is recorded stays.
pub fn cancel_in(
    conn: &mut db::Conn,
    settings: &Settings,
    row: &db::bookings::BookingRow,
    at: Moment,
    author: &Author,
) -> ApiResult<()> {
    let offer = offer::find(settings, &row.activity, &row.unit)?;
    if !author.overrides_deadlines() {
        may_cancel(offer, row.day, at, &settings.commune.calendar)?;
    }
    // Bookings, waiting places and promotions of a unit's day happen one at a time; then
    // the booking itself, which an attendance being recorded holds too.
    if offer.unit.capacity.is_some() {
        db::bookings::lock_day(conn, &row.activity, &row.unit, row.day)?;
    }
    let current = db::bookings::lock(conn, row.id)?.ok_or_else(ApiError::not_found)?;
    if current.status != row.status {
        return Err(conflict("booking_changed"));
    }
    if db::attendances::exists(conn, row.id)? {
        return Err(conflict("attendance_recorded"));
    }
    let now = db::now();
    if db::bookings::set_status(conn, row.id, row.status, BookingStatus::Cancelled, now)? != 1 {
        return Err(conflict("booking_changed"));
    }
    event(
        conn,
        row.id,
        row.household_id,
        row.person_id,
        BookingAction::Cancel,
        Some(author),
    )?;
    if row.status == BookingStatus::Booked && offer.unit.capacity.is_some() {
        if row.day > at.today {
            promote_or_free(conn, settings, offer, row.day)?;
        } else {
            // A day under way or gone (an agent's correction): nobody waits for it any more.
            db::bookings::free_place(conn, &row.activity, &row.unit, row.day)?;
        }
    }
    Ok(())
}

/// The place a cancellation frees goes to the first in line (the place stays taken), or
/// back to the unit.
fn promote_or_free(
    conn: &mut db::Conn,
    settings: &Settings,
    offer: Offer,
    day: chrono::NaiveDate,
) -> ApiResult<()> {
    let (activity, unit) = (&offer.activity.code, &offer.unit.code);
    db::bookings::lock_day(conn, activity, unit, day)?;
    let Some(first) = db::bookings::first_waiting(conn, activity, unit, day)? else {
        db::bookings::free_place(conn, activity, unit, day)?;
        return Ok(());
    };
    let now = db::now();
    if db::bookings::set_status(
        conn,
        first.id,
        BookingStatus::Waiting,
        BookingStatus::Booked,
        now,
    )? != 1
    {
        // The day is locked: the first in line cannot have changed meanwhile.
        return Err(ApiError::internal(
            "the first waiting booking changed under the lock",
        ));
    }
    event(
        conn,
        first.id,
        first.household_id,
        first.person_id,
        BookingAction::Promote,
        None,
    )?;
    let holder = db::households::holder_of(conn, first.household_id)?;
    let family = match holder {
        Some(person) => db::accounts::of_person(conn, person)?,
        None => None,
    };
    if let Some(family) = family {
        let child = db::persons::find(conn, first.person_id)?
            .map(|p| crate::areas::requests::views::display_name(&p.first_name, &p.birth_name))
            .unwrap_or_default();
        let day = day.format("%d/%m/%Y").to_string();
        mail::queue(
            conn,
            &templates::booking_promoted(settings, &family.email, &child, &offer.title(), &day),
        )?;
    }
    Ok(())
}
