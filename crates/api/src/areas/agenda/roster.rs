//! The agents' lists: the units of a day with their counts, and one unit's day — the
//! booked children by name, then the waiting list in order, each with the PAI flag,
//! whether health information exists (its details stay behind the health permission),
//! the persons authorised to pick them up, and the attendance recorded.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::agenda::{BookingStatus, PickupPerson, Roster, RosterChild, UnitDaySummary};
use domain::ids::{AccountId, HouseholdId, PersonId};
use domain::request::form::school_year_of;
use domain::staff::HealthAccessContext;

use super::attendance;
use super::offer::{self, Offer};
use super::rules::plausible;
use crate::areas::requests::views::display_name;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every unit of the commune on `day`: whether it opens, its places, the waiting list and
/// how many attendances are recorded.
pub fn day(
    conn: &mut db::Conn,
    settings: &Settings,
    day: NaiveDate,
) -> ApiResult<Vec<UnitDaySummary>> {
    plausible(day, "day")?;
    let counts = db::rosters::counts_of_day(conn, day)?;
    let recorded = db::rosters::recorded_of_day(conn, day)?;
    let of = |o: &Offer, status: BookingStatus| {
        counts
            .iter()
            .find(|(a, u, s, _)| *a == o.activity.code && *u == o.unit.code && *s == status)
            .map_or(0, |c| count(c.3))
    };
    Ok(offer::all(settings)
        .into_iter()
        .map(|o| UnitDaySummary {
            activity: o.activity.code.clone(),
            unit: o.unit.code.clone(),
            title: o.title(),
            closure: closure(&o, settings, day),
            capacity: o.unit.capacity,
            booked: of(&o, BookingStatus::Booked),
            waiting_count: of(&o, BookingStatus::Waiting),
            recorded: recorded
                .iter()
                .find(|(a, u, _)| *a == o.activity.code && *u == o.unit.code)
                .map_or(0, |c| count(c.2)),
        })
        .collect())
}

fn closure(o: &Offer, settings: &Settings, day: NaiveDate) -> Option<String> {
    o.unit
        .opening(day, &settings.commune.calendar)
        .err()
        .map(|c| c.describe())
}

/// The list of one unit's day, as `agent` may read it: the health flags only with the
/// health permission, each household whose flags were shown logged.
pub fn unit_day(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    activity: &str,
    unit: &str,
    day: NaiveDate,
) -> ApiResult<Roster> {
    let o = offer::find(settings, activity, unit).map_err(|_| ApiError::not_found())?;
    plausible(day, "day")?;
    let rows = db::rosters::of_unit_day(conn, activity, unit, day)?;
    let ids: Vec<PersonId> = rows.iter().map(|r| r.person_id).collect();
    let year = school_year_of(day);
    let people: HashMap<PersonId, (String, Option<NaiveDate>)> = db::rosters::people(conn, &ids)?
        .into_iter()
        .map(|(id, first, birth, born)| (id, (display_name(&first, &birth), born)))
        .collect();
    let health_allowed = crate::areas::agent::health::may_read(conn, agent)?;
    let health = match health_allowed {
        true => db::rosters::health(conn, &ids, &year)?,
        false => Vec::new(),
    };
    if health_allowed {
        let mut shown: Vec<HouseholdId> = health.iter().map(|(h, _, _, _)| *h).collect();
        shown.sort();
        shown.dedup();
        for household in shown {
            db::health::log_access(
                conn,
                agent,
                household,
                None,
                HealthAccessContext::Roster,
                db::now(),
            )?;
        }
    }
    let pickups = db::rosters::pickups(conn, &ids, &year)?;
    let booked: Vec<_> = rows
        .iter()
        .filter(|r| r.status == BookingStatus::Booked)
        .map(|r| r.id)
        .collect();
    let recorded = db::attendances::of_bookings(conn, &booked)?;
    let attendances = attendance::public(conn, recorded)?;
    let mut children = Vec::new();
    let mut waiting = Vec::new();
    for row in rows {
        let of = |h: HouseholdId, p: PersonId| h == row.household_id && p == row.person_id;
        let (name, born) = people.get(&row.person_id).cloned().unwrap_or_default();
        let mut child = RosterChild {
            booking_id: row.id,
            person_id: row.person_id,
            name,
            birth_date: born,
            household_id: row.household_id,
            status: row.status,
            position: None,
            pai: health_allowed.then(|| {
                health
                    .iter()
                    .any(|(h, p, code, value)| of(*h, *p) && code == "pai" && value == "Oui")
            }),
            health_info: health_allowed.then(|| {
                health
                    .iter()
                    .any(|(h, p, _, value)| of(*h, *p) && !value.is_empty() && value != "Non")
            }),
            pickup: pickups
                .iter()
                .filter(|c| of(c.household_id, c.person_id))
                .map(|c| PickupPerson {
                    name: display_name(&c.first_name, &c.last_name),
                    relation: c.relation.clone(),
                    phone: c.phone.clone(),
                })
                .collect(),
            attendance: attendances.iter().find(|a| a.booking_id == row.id).cloned(),
        };
        if row.status == BookingStatus::Waiting {
            child.position = Some(i64::try_from(waiting.len()).unwrap_or(i64::MAX) + 1);
            waiting.push(child);
        } else {
            children.push(child);
        }
    }
    children.sort_by_key(|c| domain::text::fold(&c.name));
    Ok(Roster {
        activity: o.activity.code.clone(),
        unit: o.unit.code.clone(),
        title: o.title(),
        day,
        closure: closure(&o, settings, day),
        capacity: o.unit.capacity,
        booked: u32::try_from(children.len()).unwrap_or(u32::MAX),
        waiting_count: u32::try_from(waiting.len()).unwrap_or(u32::MAX),
        health_withheld: !health_allowed,
        children,
        waiting,
    })
}
