//! "Saisie groupée": the days the form picks, for each person and unit, booked (or
//! waiting) or cancelled one by one with the single booking's rules; what cannot be done
//! is skipped with its reason. A preview runs the same in a transaction rolled back, so
//! the parent confirms exactly what will happen.

use std::collections::HashMap;

use domain::agenda::{
    outcome_of, BookingStatus, BulkAction, BulkBooking, BulkLine, BulkOutcome, BulkReport, Closure,
    BULK_MAX_DAYS, MAX_ITEMS,
};
use domain::ids::AccountId;

use super::offer::{self, Offer};
use super::person;
use super::rules::Moment;
use super::service::{book_in, cancel_in, Author};
use crate::config::Settings;
use crate::error::{ApiError, ApiResult, ErrorKind};

/// A transaction ends with the report: kept when applied, rolled back for a preview.
enum End {
    Failed(ApiError),
    Preview(Vec<BulkLine>),
}

impl From<diesel::result::Error> for End {
    fn from(e: diesel::result::Error) -> End {
        End::Failed(e.into())
    }
}

impl From<ApiError> for End {
    fn from(e: ApiError) -> End {
        End::Failed(e)
    }
}

pub fn bulk(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    form: &BulkBooking,
    at: Moment,
) -> ApiResult<BulkReport> {
    let span = (form.to - form.from).num_days() + 1;
    if !(1..=BULK_MAX_DAYS).contains(&span) {
        return Err(ApiError::field("to", "invalid_period"));
    }
    super::rules::plausible(form.from, "from")?;
    // Always in the same order (person, activity, unit, day): two bulk bookings take
    // their locks alike and never wait on each other in a circle.
    let mut units = form.units.clone();
    units.sort_by(|a, b| (&a.activity, &a.unit).cmp(&(&b.activity, &b.unit)));
    units.dedup();
    let mut persons = form.persons.clone();
    persons.sort();
    persons.dedup();
    let offers: Vec<Offer> = units
        .iter()
        .map(|u| offer::find(settings, &u.activity, &u.unit))
        .collect::<ApiResult<_>>()?;
    let days = form.days();
    if days.len() * offers.len() * persons.len() > MAX_ITEMS {
        return Err(ApiError::field("to", "too_many_days"));
    }
    let mut people = HashMap::new();
    for id in &persons {
        people.insert(*id, person::of_household(conn, account, *id)?);
    }
    let author = Author::family(account);
    let outcome = db::transaction(conn, |conn| {
        let mut lines = Vec::new();
        for id in &persons {
            let person = &people[id];
            for (o, unit) in offers.iter().zip(&units) {
                for day in &days {
                    let line = |outcome, reason: Option<&str>| BulkLine {
                        person_id: *id,
                        day: *day,
                        activity: unit.activity.clone(),
                        unit: unit.unit.clone(),
                        outcome,
                        reason: reason.map(str::to_string),
                    };
                    // Not one of the unit's days: not worth a line.
                    if o.unit.opening(*day, &settings.commune.calendar) == Err(Closure::NotItsDay) {
                        continue;
                    }
                    // Each day in its own savepoint: a refused one undoes only itself (and
                    // leaves a PostgreSQL transaction usable).
                    let done = match form.action {
                        BulkAction::Create => db::transaction(conn, |conn| {
                            book_in(conn, settings, person, *id, *o, *day, at, &author)
                        })
                        .map(|row| outcome_of(row.status)),
                        BulkAction::Delete => {
                            let live = db::bookings::of_person(conn, *id, *day, *day)?
                                .into_iter()
                                .find(|b| {
                                    b.household_id == person.household
                                        && b.activity == unit.activity
                                        && b.unit == unit.unit
                                        && b.status != BookingStatus::Cancelled
                                });
                            let Some(row) = live else { continue };
                            db::transaction(conn, |conn| {
                                cancel_in(conn, settings, &row, at, &author)
                            })
                            .map(|()| BulkOutcome::Cancelled)
                        }
                    };
                    lines.push(match done {
                        Ok(outcome) => line(outcome, None),
                        // A rule's refusal (409) is reported; anything else stops it all.
                        Err(refused) if refused.kind() == ErrorKind::Conflict => {
                            line(BulkOutcome::Skipped, Some(refused.code()))
                        }
                        Err(other) => return Err(End::Failed(other)),
                    });
                }
            }
        }
        lines.sort_by_key(|l| (l.day, l.person_id));
        match form.apply {
            true => Ok(lines),
            false => Err(End::Preview(lines)),
        }
    });
    match outcome {
        Ok(lines) => Ok(BulkReport::new(true, lines)),
        Err(End::Preview(lines)) => Ok(BulkReport::new(false, lines)),
        Err(End::Failed(e)) => Err(e),
    }
}
