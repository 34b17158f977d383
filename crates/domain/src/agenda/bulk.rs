//! "Saisie groupée": several people, create or delete, a period, units, a periodicity and
//! weekdays; a report of what each day became (or why it was skipped), first as a preview
//! the parent confirms.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use validator::Validate;

use super::dto::BookingStatus;
use super::unit::WeekDay;
use crate::ids::PersonId;
use crate::text_enum::text_enum;

/// The most (person, day, unit) one bulk booking may touch.
pub const MAX_ITEMS: usize = 5000;

/// The longest period of a bulk booking: a school year and some.
pub const BULK_MAX_DAYS: i64 = 366;

text_enum! {
    /// "Action".
    pub enum BulkAction {
        /// "Créer".
        Create = "create",
        /// "Supprimer".
        Delete = "delete",
    }
}

text_enum! {
    /// "Périodicité".
    pub enum Periodicity {
        /// "Aucune": every chosen weekday.
        None = "none",
        /// "Toutes les semaines".
        EveryWeek = "every_week",
        /// "Une semaine sur deux", from the first week of the period.
        EveryOtherWeek = "every_other_week",
        /// "Semaines paires" (ISO week numbers).
        EvenWeeks = "even_weeks",
        /// "Semaines impaires".
        OddWeeks = "odd_weeks",
    }
}

/// One unit of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"activity": "garderie", "unit": "matin-gratuite"})))]
pub struct UnitRef {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 60))]
    #[validate(length(min = 1, max = 60, code = "required"))]
    pub activity: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 60))]
    #[validate(length(min = 1, max = 60, code = "required"))]
    pub unit: String,
}

/// The "Saisie groupée" form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"persons": [5, 6], "action": "create", "from": "2027-05-03", "to": "2027-05-28", "units": [{"activity": "restauration-scolaire", "unit": "repas"}], "periodicity": "every_week", "weekdays": ["mon", "tue", "thu", "fri"], "apply": false})))]
pub struct BulkBooking {
    /// "Usagers": people of the household.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 10))]
    #[validate(length(min = 1, max = 10, code = "required"))]
    pub persons: Vec<PersonId>,
    pub action: BulkAction,
    /// "Période du … au …" (a year at most).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// "Activités".
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 12))]
    #[validate(length(min = 1, max = 12, code = "required"), nested)]
    pub units: Vec<UnitRef>,
    pub periodicity: Periodicity,
    /// "Jours de la semaine".
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 7))]
    #[validate(length(min = 1, max = 7, code = "required"))]
    pub weekdays: Vec<WeekDay>,
    /// False: the report of what would happen (nothing changes); true: done, with the report.
    #[serde(default)]
    pub apply: bool,
}

impl BulkBooking {
    /// The days of the period the periodicity and weekdays pick.
    pub fn days(&self) -> Vec<NaiveDate> {
        let monday =
            |d: NaiveDate| d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()));
        let weeks_since = |d: NaiveDate| (monday(d) - monday(self.from)).num_days() / 7;
        self.from
            .iter_days()
            .take_while(|d| *d <= self.to)
            .filter(|d| self.weekdays.contains(&WeekDay::of(*d)))
            .filter(|d| match self.periodicity {
                Periodicity::None | Periodicity::EveryWeek => true,
                Periodicity::EveryOtherWeek => weeks_since(*d) % 2 == 0,
                Periodicity::EvenWeeks => d.iso_week().week() % 2 == 0,
                Periodicity::OddWeeks => d.iso_week().week() % 2 == 1,
            })
            .collect()
    }
}

text_enum! {
    /// What a day became.
    pub enum BulkOutcome {
        Booked = "booked",
        /// Full: on the waiting list.
        Waiting = "waiting",
        Cancelled = "cancelled",
        /// Nothing done; `reason` says why.
        Skipped = "skipped",
    }
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 5, "day": "2027-05-06", "activity": "restauration-scolaire", "unit": "repas", "outcome": "skipped", "reason": "day_closed"})))]
pub struct BulkLine {
    pub person_id: PersonId,
    pub day: NaiveDate,
    pub activity: String,
    pub unit: String,
    pub outcome: BulkOutcome,
    /// Why it was skipped: the code a single booking would get (`day_closed`,
    /// `booking_deadline_passed`, `not_enrolled`, `already_booked`…).
    pub reason: Option<String>,
}

/// The report: every line and the counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"applied": false, "booked": 1, "waiting": 0, "cancelled": 0, "skipped": 1, "lines": [{"person_id": 5, "day": "2027-05-03", "activity": "restauration-scolaire", "unit": "repas", "outcome": "booked", "reason": null}, {"person_id": 5, "day": "2027-05-06", "activity": "restauration-scolaire", "unit": "repas", "outcome": "skipped", "reason": "day_closed"}]})))]
pub struct BulkReport {
    pub applied: bool,
    pub booked: usize,
    pub waiting: usize,
    pub cancelled: usize,
    pub skipped: usize,
    /// Closed days are not listed one by one when the unit never opens on them.
    pub lines: Vec<BulkLine>,
}

impl BulkReport {
    pub fn new(applied: bool, lines: Vec<BulkLine>) -> BulkReport {
        let count = |o: BulkOutcome| lines.iter().filter(|l| l.outcome == o).count();
        BulkReport {
            applied,
            booked: count(BulkOutcome::Booked),
            waiting: count(BulkOutcome::Waiting),
            cancelled: count(BulkOutcome::Cancelled),
            skipped: count(BulkOutcome::Skipped),
            lines,
        }
    }
}

/// The outcome of a booking.
pub fn outcome_of(status: BookingStatus) -> BulkOutcome {
    match status {
        BookingStatus::Booked => BulkOutcome::Booked,
        BookingStatus::Waiting => BulkOutcome::Waiting,
        BookingStatus::Cancelled => BulkOutcome::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(periodicity: Periodicity, weekdays: Vec<WeekDay>) -> BulkBooking {
        BulkBooking {
            persons: vec![PersonId(1)],
            action: BulkAction::Create,
            // Wednesday 5 May to Monday 31 May 2027 (ISO weeks 18 to 22).
            from: NaiveDate::from_ymd_opt(2027, 5, 5).unwrap(),
            to: NaiveDate::from_ymd_opt(2027, 5, 31).unwrap(),
            units: vec![],
            periodicity,
            weekdays,
            apply: false,
        }
    }

    fn days(f: &BulkBooking) -> Vec<u32> {
        f.days().iter().map(|d| d.day()).collect()
    }

    #[test]
    fn the_periodicity_picks_the_weeks_and_the_weekdays_the_days() {
        let mondays = vec![WeekDay::Mon];
        assert_eq!(
            days(&form(Periodicity::None, mondays.clone())),
            [10, 17, 24, 31]
        );
        assert_eq!(
            days(&form(Periodicity::EveryWeek, mondays.clone())),
            [10, 17, 24, 31]
        );
        // The first week is that of Wednesday 5 May: Monday 10 is in the second one.
        assert_eq!(
            days(&form(Periodicity::EveryOtherWeek, mondays.clone())),
            [17, 31]
        );
        // Monday 10 May is in ISO week 19, Monday 17 in week 20.
        assert_eq!(
            days(&form(Periodicity::EvenWeeks, mondays.clone())),
            [17, 31]
        );
        assert_eq!(days(&form(Periodicity::OddWeeks, mondays)), [10, 24]);
        assert_eq!(
            days(&form(
                Periodicity::EveryOtherWeek,
                vec![WeekDay::Wed, WeekDay::Thu]
            )),
            [5, 6, 19, 20]
        );
    }
}
