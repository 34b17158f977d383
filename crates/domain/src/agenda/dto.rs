//! The Agenda on the wire: a person's days with each unit's state, a booking, the history.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use super::deadline::Deadline;
use crate::ids::{BookingId, PersonId};
use crate::text_enum::text_enum;

/// The most days one agenda answer covers (six weeks: a month view).
pub const MAX_DAYS: i64 = 42;

/// A unit of an activity, as the Agenda offers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"activity": "garderie", "activity_name": "Garderie", "unit": "matin-payante", "name": "Garderie matin payante", "label": "Garderie matin payante 07:30 - 08:19", "exclusive": "matin", "capacity": 20, "booking": {"days": 1, "working_days": true, "at": "10:00"}, "cancellation": {"days": 1, "working_days": true, "at": "10:00"}})))]
pub struct AgendaUnit {
    pub activity: String,
    pub activity_name: String,
    pub unit: String,
    pub name: String,
    /// The name and, when it has them, the hours.
    pub label: String,
    /// Units sharing it are booked one at most a day.
    pub exclusive: Option<String>,
    pub capacity: Option<u32>,
    pub booking: Deadline,
    pub cancellation: Deadline,
}

text_enum! {
    /// Where one unit stands on one day for the person.
    pub enum UnitState {
        /// Can be booked now.
        Bookable = "bookable",
        /// Booked.
        Booked = "booked",
        /// On the waiting list.
        Waiting = "waiting",
        /// Booked by the child's other household (separated parents): nothing to book or
        /// cancel from here.
        BookedElsewhere = "booked_elsewhere",
        /// Another unit of its exclusive group is booked that day (garderie gratuite or
        /// payante): cancel that one first.
        OtherUnitBooked = "other_unit_booked",
        /// The booking deadline has passed (or the day is today or past).
        TooLate = "too_late",
        /// Beyond the booking horizon.
        TooEarly = "too_early",
        /// The person is not enrolled in the activity for that school year.
        NotEnrolled = "not_enrolled",
        /// The canteen needs a school enrolment for that school year.
        NoSchool = "no_school",
    }
}

/// One unit open on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"activity": "restauration-scolaire", "unit": "repas", "state": "waiting", "booking_id": 12, "position": 2, "cancellable": true})))]
pub struct UnitDay {
    pub activity: String,
    pub unit: String,
    pub state: UnitState,
    /// The person's booking (booked or waiting).
    pub booking_id: Option<BookingId>,
    /// Place on the waiting list, from 1.
    pub position: Option<i64>,
    /// Whether the booking can still be cancelled.
    pub cancellable: bool,
}

text_enum! {
    /// A day of the calendar, as its cell shows it (with words, never the colour alone).
    pub enum DayState {
        /// Gone by.
        Past = "past",
        /// Today: nothing changes on the day.
        Today = "today",
        /// No unit open (a public holiday, holidays, a closed day, not a day of the
        /// activities).
        Closed = "closed",
        /// Something can be booked.
        Bookable = "bookable",
        /// Something is booked (or waiting).
        Booked = "booked",
        /// Units open, none bookable by this person now.
        Unavailable = "unavailable",
    }
}

/// One day of the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"date": "2027-05-01", "week": 17, "state": "closed", "label": "Fête du travail", "units": []})))]
pub struct AgendaDay {
    pub date: NaiveDate,
    /// ISO week number ("Sem.").
    pub week: u32,
    pub state: DayState,
    /// "Fête du travail", "Vacances de printemps", "Fermé".
    pub label: Option<String>,
    /// The units open that day, in the order of the activities.
    pub units: Vec<UnitDay>,
}

/// "Agenda de <personne>" for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 5, "person_name": "DUPIN Tim", "from": "2027-05-03", "to": "2027-05-04", "today": "2027-04-28", "units": [{"activity": "restauration-scolaire", "activity_name": "Restauration scolaire", "unit": "repas", "name": "Repas de midi", "label": "Repas de midi", "exclusive": null, "capacity": 120, "booking": {"days": 1, "working_days": true, "at": "10:00"}, "cancellation": {"days": 1, "working_days": true, "at": "10:00"}}], "days": [{"date": "2027-05-03", "week": 18, "state": "booked", "label": null, "units": [{"activity": "restauration-scolaire", "unit": "repas", "state": "booked", "booking_id": 12, "position": null, "cancellable": true}]}, {"date": "2027-05-04", "week": 18, "state": "bookable", "label": null, "units": [{"activity": "restauration-scolaire", "unit": "repas", "state": "bookable", "booking_id": null, "position": null, "cancellable": false}]}]})))]
pub struct Agenda {
    pub person_id: PersonId,
    /// "DUPIN Tim".
    pub person_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Today at the town hall.
    pub today: NaiveDate,
    /// Every unit of the commune's activities.
    pub units: Vec<AgendaUnit>,
    pub days: Vec<AgendaDay>,
}

/// The period of an agenda: `from` to `to` included, at most 42 days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AgendaQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// "Réserver": one unit of an activity for one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"day": "2027-05-04", "activity": "restauration-scolaire", "unit": "repas"})))]
pub struct BookingInput {
    pub day: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 60))]
    #[validate(length(min = 1, max = 60, code = "required"))]
    pub activity: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 60))]
    #[validate(length(min = 1, max = 60, code = "required"))]
    pub unit: String,
}

text_enum! {
    /// A booking's state.
    pub enum BookingStatus {
        Booked = "booked",
        /// Beyond capacity: on the waiting list, promoted when a place frees.
        Waiting = "waiting",
        Cancelled = "cancelled",
    }
}

/// A booking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 12, "person_id": 5, "day": "2027-05-04", "activity": "restauration-scolaire", "unit": "repas", "status": "waiting", "position": 2})))]
pub struct Booking {
    pub id: BookingId,
    pub person_id: PersonId,
    pub day: NaiveDate,
    pub activity: String,
    pub unit: String,
    pub status: BookingStatus,
    /// Place on the waiting list, from 1.
    pub position: Option<i64>,
}

text_enum! {
    /// A line of "Historique des actions".
    pub enum BookingAction {
        /// "+": booked (or put on the waiting list).
        Add = "add",
        /// "−": cancelled.
        Cancel = "cancel",
        /// A place freed: the waiting booking is booked.
        Promote = "promote",
    }
}

/// "Historique des actions pour la personne sélectionnée pour cette période".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"action": "add", "day": "2027-05-04", "activity": "Garderie matin (Garderie matin gratuite)", "at": "2027-05-02T13:15:00Z", "author": "DUPIN Pascal", "by_agent": false, "reason": null})))]
pub struct BookingEvent {
    pub action: BookingAction,
    /// "Date concernée".
    pub day: NaiveDate,
    /// "Activité": "Garderie matin (Garderie matin gratuite)".
    pub activity: String,
    /// "Date de l'action".
    pub at: DateTime<Utc>,
    /// "Auteur": the parent or the agent; the town hall for a promotion.
    pub author: String,
    pub by_agent: bool,
    /// Why the agent went past a deadline.
    pub reason: Option<String>,
}

/// The household's calendar feed, as made: its secret address (shown this once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"url": "https://portail.example.fr/api/calendar-feeds/3q2-7Xn0YdP1bzk8wZJ4Ebq0d5W9nR6fTt1mVhQ2sLk.ics", "created_at": "2026-12-03T16:20:00Z"})))]
pub struct CalendarFeed {
    /// The address a phone's calendar subscribes to. Kept secret: whoever has it reads
    /// the household's bookings.
    pub url: String,
    pub created_at: DateTime<Utc>,
}

/// Whether the household has a calendar feed (its address is not shown again).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"created_at": "2026-12-03T16:20:00Z"})))]
pub struct CalendarFeedStatus {
    /// When the current address was made; none without a feed.
    pub created_at: Option<DateTime<Utc>>,
}
