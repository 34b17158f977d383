//! "Agenda de <personne>": each day from `from` to `to` with its state in words, the name
//! of its holiday, and every unit open that day with where it stands for the person.

use chrono::{Datelike, NaiveDate};
use domain::agenda::{
    Agenda, AgendaDay, AgendaQuery, BookingStatus, Calendar, Closure, DayState, UnitDay, UnitState,
};
use domain::ids::AccountId;

use super::offer::{self, Offer};
use super::person;
use super::rules::{may_book, may_cancel, period_days, Moment};
use crate::config::Settings;
use crate::error::ApiResult;

pub fn agenda(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    id: domain::ids::PersonId,
    query: &AgendaQuery,
    at: Moment,
) -> ApiResult<Agenda> {
    let days = period_days(query)?;
    let person = person::of_household(conn, account, id)?;
    // The child's other household (separated parents) books too: its bookings show as
    // taken, without anything of that household.
    let bookings = db::bookings::of_person(conn, id, query.from, query.to)?;
    let calendar = &settings.commune.calendar;
    let offers = offer::all(settings);
    let mut out = Vec::with_capacity(days);
    for day in query.from.iter_days().take(days) {
        let mut units = Vec::new();
        let mut closures = Vec::new();
        let of_day: Vec<_> = bookings.iter().filter(|b| b.day == day).collect();
        for o in &offers {
            let booking = of_day
                .iter()
                .find(|b| b.activity == o.activity.code && b.unit == o.unit.code)
                .copied();
            // A day the commune closed after it was booked still shows the booking, to be
            // cancelled.
            if let Err(closure) = o.unit.opening(day, calendar) {
                closures.push(closure);
                if booking.is_none() {
                    continue;
                }
            }
            // Another unit of its exclusive group is taken that day (gratuite or payante).
            let other_taken = o.unit.exclusive.as_ref().is_some_and(|group| {
                of_day.iter().any(|b| {
                    b.activity == o.activity.code
                        && b.unit != o.unit.code
                        && o.activity
                            .units
                            .iter()
                            .any(|u| u.code == b.unit && u.exclusive.as_ref() == Some(group))
                })
            });
            units.push(unit_day(
                conn,
                *o,
                day,
                (booking, other_taken),
                &person,
                at,
                calendar,
            )?);
        }
        out.push(AgendaDay {
            date: day,
            week: day.iso_week().week(),
            state: day_state(day, at.today, &units),
            label: label(day, calendar, &closures, units.is_empty()),
            units,
        });
    }
    Ok(Agenda {
        person_id: id,
        person_name: person.name,
        from: query.from,
        to: query.to,
        today: at.today,
        units: offers.iter().map(Offer::public).collect(),
        days: out,
    })
}

fn unit_day(
    conn: &mut db::Conn,
    o: Offer,
    day: NaiveDate,
    (booking, other_taken): (Option<&db::bookings::BookingRow>, bool),
    person: &super::rules::Person,
    at: Moment,
    calendar: &crate::config::calendar::TownCalendar,
) -> ApiResult<UnitDay> {
    let elsewhere = booking.is_some_and(|b| b.household_id != person.household);
    let booking = booking.filter(|_| !elsewhere);
    let (state, position) = match booking {
        _ if elsewhere => (UnitState::BookedElsewhere, None),
        Some(b) if b.status == BookingStatus::Waiting => {
            (UnitState::Waiting, Some(db::bookings::position(conn, b)?))
        }
        Some(_) => (UnitState::Booked, None),
        None if other_taken => (UnitState::OtherUnitBooked, None),
        None => match may_book(o, day, person, at, calendar) {
            Ok(()) => (UnitState::Bookable, None),
            Err(refusal) => (refusal.state().unwrap_or(UnitState::TooLate), None),
        },
    };
    Ok(UnitDay {
        activity: o.activity.code.clone(),
        unit: o.unit.code.clone(),
        state,
        booking_id: booking.map(|b| b.id),
        position,
        cancellable: booking.is_some() && may_cancel(o, day, at, calendar).is_ok(),
    })
}

fn day_state(day: NaiveDate, today: NaiveDate, units: &[UnitDay]) -> DayState {
    let any = |s: &[UnitState]| units.iter().any(|u| s.contains(&u.state));
    if day < today {
        DayState::Past
    } else if day == today {
        DayState::Today
    } else if units.is_empty() {
        DayState::Closed
    } else if any(&[
        UnitState::Booked,
        UnitState::Waiting,
        UnitState::BookedElsewhere,
    ]) {
        DayState::Booked
    } else if any(&[UnitState::Bookable]) {
        DayState::Bookable
    } else {
        DayState::Unavailable
    }
}

/// The public holiday, else the school holidays, else "Fermé" when the commune closed
/// every unit that day.
fn label(
    day: NaiveDate,
    calendar: &crate::config::calendar::TownCalendar,
    closures: &[Closure],
    none_open: bool,
) -> Option<String> {
    calendar
        .public_holiday(day)
        .or_else(|| calendar.school_holidays(day))
        .map(str::to_string)
        .or_else(|| {
            (none_open && !closures.is_empty() && closures.iter().all(|c| *c == Closure::Closed))
                .then(|| "Fermé".to_string())
        })
}
