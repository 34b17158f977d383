//! The household's calendar feed: a secret, revocable address (only its SHA-256 is kept)
//! serving the household's bookings as iCalendar, built with the `icalendar` crate, for a
//! phone's calendar to subscribe to.

use chrono::{Days, NaiveDate};
use domain::agenda::{BookingStatus, CalendarFeed, CalendarFeedStatus};
use domain::ids::AccountId;
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus};

use super::offer;
use crate::areas::profile::service::holder;
use crate::areas::requests::views::display_name;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use crate::security::tokens;

/// How far back and ahead a feed reaches, and how many bookings it holds at most.
const DAYS_BACK: u64 = 31;
const DAYS_AHEAD: u64 = 400;
const MOST: i64 = 2000;

pub fn status(conn: &mut db::Conn, account: AccountId) -> ApiResult<CalendarFeedStatus> {
    let (_, household) = holder(conn, account)?;
    Ok(CalendarFeedStatus {
        created_at: db::calendar_feeds::created(conn, household)?.map(|at| at.and_utc()),
    })
}

/// A new address (the previous one stops working).
pub fn renew(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
) -> ApiResult<CalendarFeed> {
    let (_, household) = holder(conn, account)?;
    let token = tokens::generate();
    let now = db::now();
    db::transaction(conn, |conn| {
        db::calendar_feeds::replace(conn, household, &tokens::digest(&token), now)
    })?;
    Ok(CalendarFeed {
        url: format!("{}/api/calendar-feeds/{token}.ics", settings.public_url()),
        created_at: now.and_utc(),
    })
}

pub fn revoke(conn: &mut db::Conn, account: AccountId) -> ApiResult<()> {
    let (_, household) = holder(conn, account)?;
    db::calendar_feeds::revoke(conn, household)?;
    Ok(())
}

/// The feed of the address `token` (not found: 404), from a month back to the horizon.
pub fn ics(
    conn: &mut db::Conn,
    settings: &Settings,
    token: &str,
    today: NaiveDate,
) -> ApiResult<String> {
    let household = db::calendar_feeds::household_of(conn, &tokens::digest(token))?
        .ok_or_else(ApiError::not_found)?;
    let from = today
        .checked_sub_days(Days::new(DAYS_BACK))
        .unwrap_or(today);
    let to = today
        .checked_add_days(Days::new(DAYS_AHEAD))
        .unwrap_or(today);
    let bookings = db::calendar_feeds::bookings(conn, household, from, to, MOST)?;
    let names: std::collections::HashMap<_, _> = db::households::members(conn, household)?
        .into_iter()
        .map(|m| (m.person_id, display_name(&m.first_name, &m.birth_name)))
        .collect();
    let mut calendar = Calendar::new();
    calendar.name(&format!("Agenda – {}", settings.commune.name()));
    for b in &bookings {
        let Ok(o) = offer::find(settings, &b.activity, &b.unit) else {
            continue;
        };
        let child = names.get(&b.person_id).cloned().unwrap_or_default();
        let waiting = b.status == BookingStatus::Waiting;
        let mut event = Event::new();
        event
            .uid(&format!("booking-{}@guichet", b.id))
            .summary(&format!(
                "{} – {}{}",
                o.title(),
                child,
                if waiting { " (liste d'attente)" } else { "" }
            ))
            .status(if waiting {
                EventStatus::Tentative
            } else {
                EventStatus::Confirmed
            });
        match (o.unit.start, o.unit.end) {
            (Some(start), Some(end)) => {
                let at = |t: domain::agenda::TimeOfDay| CalendarDateTime::WithTimezone {
                    date_time: b.day.and_time(t.0),
                    tzid: "Europe/Paris".into(),
                };
                event.starts(at(start)).ends(at(end));
            }
            _ => {
                event.all_day(b.day);
            }
        }
        calendar.push(event.done());
    }
    Ok(calendar.done().to_string())
}
