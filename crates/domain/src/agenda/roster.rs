//! The agents' side of the Agenda: the list of a unit's day (who is booked, who waits,
//! with the PAI flag and the persons authorised to pick each child up), attendance, and
//! bookings made for a family (overriding the deadlines with a reason).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use super::dto::BookingStatus;
use crate::ids::{BookingId, HouseholdId, PersonId};
use crate::request::note;
use crate::text_enum::text_enum;
use crate::validation::error_on;

text_enum! {
    /// "Pointage" of a booked child on the day: what the Régie bills.
    pub enum Attendance {
        /// "Présent".
        Present = "present",
        /// "Arrivé en retard" (present).
        Late = "late",
        /// "Absent justifié" (illness with a certificate...).
        AbsentJustified = "absent_justified",
        /// "Absent non justifié": the reason is required.
        AbsentUnjustified = "absent_unjustified",
    }
}

/// "Pointer" a booked child: the attendance and, for an unjustified absence, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[validate(schema(function = "reason_when_unjustified"))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"attendance": "absent_unjustified", "reason": "Pas prévenu"})))]
pub struct AttendanceInput {
    pub attendance: Attendance,
    /// Required for `absent_unjustified`; a note otherwise.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    #[validate(custom(function = "note"))]
    #[serde(default)]
    pub reason: Option<String>,
}

fn reason_when_unjustified(input: &AttendanceInput) -> Result<(), ValidationError> {
    if input.attendance == Attendance::AbsentUnjustified && input.reason.is_none() {
        return Err(error_on("reason", "required"));
    }
    Ok(())
}

/// A recorded attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"booking_id": 12, "attendance": "absent_unjustified", "reason": "Pas prévenu", "recorded_at": "2027-05-04T12:05:00Z", "recorded_by": "LEROY Anne"})))]
pub struct AttendanceRecord {
    pub booking_id: BookingId,
    pub attendance: Attendance,
    pub reason: Option<String>,
    pub recorded_at: DateTime<Utc>,
    /// The agent, "LEROY Anne".
    pub recorded_by: String,
}

/// A person the family authorised to pick the child up (the fiche's contacts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "MARTIN Odile", "relation": "Grand-mère", "phone": "0612345678"})))]
pub struct PickupPerson {
    pub name: String,
    pub relation: String,
    pub phone: String,
}

/// A child on a unit's list for the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"booking_id": 12, "person_id": 5, "name": "DUPIN Tim", "birth_date": "2019-04-02", "household_id": 3, "status": "booked", "position": null, "pai": true, "health_info": true, "pickup": [{"name": "MARTIN Odile", "relation": "Grand-mère", "phone": "0612345678"}], "attendance": null})))]
pub struct RosterChild {
    pub booking_id: BookingId,
    pub person_id: PersonId,
    /// "DUPIN Tim".
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub household_id: HouseholdId,
    /// `booked`, or `waiting` (with `position`).
    pub status: BookingStatus,
    pub position: Option<i64>,
    /// The fiche of the school year says the child has a PAI (projet d'accueil
    /// individualisé): the agents follow it. Health information (RGPD art. 9): only for
    /// agents with the health permission, each list shown logged; `null` otherwise.
    pub pai: Option<bool>,
    /// The fiche recorded health information (its details on the household's page);
    /// `null` without the health permission.
    pub health_info: Option<bool>,
    /// The persons authorised to pick the child up, from the fiche of the school year.
    pub pickup: Vec<PickupPerson>,
    pub attendance: Option<AttendanceRecord>,
}

/// The list of a unit's day: the booked children by name, then the waiting list in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"activity": "restauration-scolaire", "unit": "repas", "title": "Restauration scolaire (Repas de midi)", "day": "2027-05-04", "closure": null, "capacity": 120, "booked": 1, "waiting_count": 0, "health_withheld": false, "children": [{"booking_id": 12, "person_id": 5, "name": "DUPIN Tim", "birth_date": "2019-04-02", "household_id": 3, "status": "booked", "position": null, "pai": true, "health_info": true, "pickup": [], "attendance": null}], "waiting": []})))]
pub struct Roster {
    pub activity: String,
    pub unit: String,
    /// "Restauration scolaire (Repas de midi)".
    pub title: String,
    pub day: NaiveDate,
    /// Why the unit does not open that day ("Fête du travail"), if it does not.
    pub closure: Option<String>,
    pub capacity: Option<u32>,
    pub booked: u32,
    pub waiting_count: u32,
    /// The health flags were left out: this agent has no health permission.
    pub health_withheld: bool,
    pub children: Vec<RosterChild>,
    pub waiting: Vec<RosterChild>,
}

/// One unit on the agents' day overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"activity": "restauration-scolaire", "unit": "repas", "title": "Restauration scolaire (Repas de midi)", "closure": null, "capacity": 120, "booked": 87, "waiting_count": 0, "recorded": 0})))]
pub struct UnitDaySummary {
    pub activity: String,
    pub unit: String,
    pub title: String,
    /// Why the unit does not open that day, if it does not.
    pub closure: Option<String>,
    pub capacity: Option<u32>,
    pub booked: u32,
    pub waiting_count: u32,
    /// Booked children whose attendance is recorded.
    pub recorded: u32,
}

/// The day of the agents' lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct RosterQuery {
    pub day: NaiveDate,
}

/// A booking an agent makes for a family. Without `reason`, the family's rules apply;
/// with it, the deadlines do not (today, a past day, the booking deadline, the horizon):
/// the history keeps the reason. A closed day and an activity the child is not enrolled
/// in still refuse it; the capacity still puts a coming day's booking on the waiting
/// list, but a child booked for today or a past day (there already) is booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"day": "2027-05-04", "activity": "restauration-scolaire", "unit": "repas", "reason": "La maman a appelé ce matin : rendez-vous médical imprévu."})))]
pub struct AgentBookingInput {
    pub day: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 60))]
    #[validate(length(min = 1, max = 60, code = "required"))]
    pub activity: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 60))]
    #[validate(length(min = 1, max = 60, code = "required"))]
    pub unit: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    #[validate(custom(function = "note"))]
    #[serde(default)]
    pub reason: Option<String>,
}

/// An agent's cancellation of a booking; `reason` overrides the cancellation deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Sortie scolaire : pas de repas ce jour-là."})))]
pub struct AgentCancellation {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    #[validate(custom(function = "note"))]
    #[serde(default)]
    pub reason: Option<String>,
}
