//! The rules of a booking, one place for the server's checks and the agenda's states: not
//! today or a past day, only a day the unit opens, only an enrolled child (and, for the
//! canteen, a schooled one), within the horizon and before the booking deadline;
//! cancelling before the cancellation deadline.

use std::collections::HashSet;

use chrono::{Days, NaiveDate, NaiveDateTime};
use domain::agenda::{AgendaQuery, Calendar, Closure, UnitState, MAX_DAYS};
use domain::ids::HouseholdId;
use domain::request::form::school_year_of;

use super::offer::Offer;
use crate::config::calendar::TownCalendar;
use crate::error::{ApiError, ApiResult, ErrorKind};

/// The person whose agenda it is, as the household that books sees them.
pub struct Person {
    pub household: HouseholdId,
    /// "DUPIN Tim".
    pub name: String,
    /// (activity, school year) the household enrolled them in.
    pub enrolled: HashSet<(String, String)>,
    /// School years with a school enrolment.
    pub schooled: HashSet<String>,
}

/// When: today and the time at the town hall.
#[derive(Clone, Copy)]
pub struct Moment {
    pub today: NaiveDate,
    pub now: NaiveDateTime,
}

impl Moment {
    pub fn now() -> Moment {
        Moment {
            today: crate::town_clock::today(),
            now: crate::town_clock::now_local(),
        }
    }
}

/// Why a change is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Closed(Closure),
    /// Today or a past day.
    Past,
    NotEnrolled,
    NoSchool,
    TooEarly,
    TooLate,
}

impl Refusal {
    /// How the agenda shows it (none: the unit is not open that day).
    pub fn state(&self) -> Option<UnitState> {
        match self {
            Refusal::Closed(_) => None,
            Refusal::Past | Refusal::TooLate => Some(UnitState::TooLate),
            Refusal::NotEnrolled => Some(UnitState::NotEnrolled),
            Refusal::NoSchool => Some(UnitState::NoSchool),
            Refusal::TooEarly => Some(UnitState::TooEarly),
        }
    }

    pub fn error(&self) -> ApiError {
        let code = match self {
            Refusal::Closed(_) => "day_closed",
            Refusal::Past => "day_past",
            Refusal::NotEnrolled => "not_enrolled",
            Refusal::NoSchool => "school_enrolment_required",
            Refusal::TooEarly => "beyond_horizon",
            Refusal::TooLate => "booking_deadline_passed",
        };
        ApiError::new(ErrorKind::Conflict, code)
    }
}

/// Whether `person` may book `offer` on `day` at `at`.
pub fn may_book(
    offer: Offer,
    day: NaiveDate,
    person: &Person,
    at: Moment,
    calendar: &TownCalendar,
) -> Result<(), Refusal> {
    if day <= at.today {
        return Err(Refusal::Past);
    }
    may_attend(offer, day, person, calendar)?;
    let horizon = at
        .today
        .checked_add_days(Days::new(u64::from(offer.unit.horizon_days)))
        .unwrap_or(at.today);
    if day > horizon {
        return Err(Refusal::TooEarly);
    }
    if at.now
        > offer
            .unit
            .booking
            .limit(day, |d| calendar.public_holiday(d).is_some())
    {
        return Err(Refusal::TooLate);
    }
    Ok(())
}

/// What no agent's reason overrides: the unit opens on `day`, and `person` is enrolled in
/// its activity that school year (and, for the canteen, at school).
pub fn may_attend(
    offer: Offer,
    day: NaiveDate,
    person: &Person,
    calendar: &TownCalendar,
) -> Result<(), Refusal> {
    offer.unit.opening(day, calendar).map_err(Refusal::Closed)?;
    let year = school_year_of(day);
    if !person
        .enrolled
        .contains(&(offer.activity.code.clone(), year.clone()))
    {
        return Err(Refusal::NotEnrolled);
    }
    if offer.activity.needs_school && !person.schooled.contains(&year) {
        return Err(Refusal::NoSchool);
    }
    Ok(())
}

/// Whether a booking of `offer` on `day` may still be cancelled at `at`.
pub fn may_cancel(
    offer: Offer,
    day: NaiveDate,
    at: Moment,
    calendar: &TownCalendar,
) -> Result<(), ApiError> {
    if day <= at.today {
        return Err(ApiError::new(ErrorKind::Conflict, "day_past"));
    }
    let limit = offer
        .unit
        .cancellation
        .limit(day, |d| calendar.public_holiday(d).is_some());
    if at.now > limit {
        return Err(ApiError::new(
            ErrorKind::Conflict,
            "cancellation_deadline_passed",
        ));
    }
    Ok(())
}

/// The number of days from `from` to `to` included: 1 to 42, else `invalid_period`.
pub fn period_days(query: &AgendaQuery) -> ApiResult<usize> {
    let days = (query.to - query.from).num_days() + 1;
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(ApiError::field("to", "invalid_period"));
    }
    plausible(query.from, "from")?;
    usize::try_from(days).map_err(ApiError::internal)
}

/// A date within two years of today (`invalid_date` on `field` otherwise).
pub fn plausible(day: NaiveDate, field: &'static str) -> ApiResult<()> {
    let today = crate::town_clock::today();
    match (day - today).num_days().abs() <= 2 * 366 {
        true => Ok(()),
        false => Err(ApiError::field(field, "invalid_date")),
    }
}
