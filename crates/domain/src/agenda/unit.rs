//! An activity's unit ("Repas de midi", "Garderie matin payante 07:30-08:19") and the days
//! it opens: weekdays, school days or holidays, some months, minus closed days and public
//! holidays; its capacity and deadlines. Configuration of the commune, the same rules for
//! the server's checks and the SPA's calendar.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::deadline::{Deadline, TimeOfDay};
use crate::text_enum::text_enum;

text_enum! {
    /// Which days of the year a unit opens on.
    pub enum Period {
        /// School days only (not during the school holidays).
        School = "school",
        /// School holidays only (Accueil de loisirs).
        Holidays = "holidays",
        /// Both.
        All = "all",
    }
}

text_enum! {
    /// A day of the week.
    pub enum WeekDay {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
}

impl WeekDay {
    pub fn of(day: NaiveDate) -> WeekDay {
        match day.weekday() {
            Weekday::Mon => WeekDay::Mon,
            Weekday::Tue => WeekDay::Tue,
            Weekday::Wed => WeekDay::Wed,
            Weekday::Thu => WeekDay::Thu,
            Weekday::Fri => WeekDay::Fri,
            Weekday::Sat => WeekDay::Sat,
            Weekday::Sun => WeekDay::Sun,
        }
    }
}

/// What the calendar knows of a day: its public holiday and its school holidays, by name.
pub trait Calendar {
    fn public_holiday(&self, day: NaiveDate) -> Option<&str>;
    fn school_holidays(&self, day: NaiveDate) -> Option<&str>;
}

/// One unit of an activity, as the commune configures it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable code within the activity (`repas`, `matin-gratuite`).
    pub code: String,
    /// "Garderie matin gratuite".
    pub name: String,
    #[serde(default)]
    pub start: Option<TimeOfDay>,
    #[serde(default)]
    pub end: Option<TimeOfDay>,
    /// Units of one activity sharing this name are booked one at most a day (garderie
    /// gratuite or payante).
    #[serde(default)]
    pub exclusive: Option<String>,
    /// Default: Monday, Tuesday, Thursday, Friday (the school days).
    #[serde(default = "school_week")]
    pub weekdays: Vec<WeekDay>,
    /// Default: school days.
    #[serde(default = "school")]
    pub period: Period,
    /// Only in these months (1-12) when set.
    #[serde(default)]
    pub months: Vec<u32>,
    /// Days the unit is closed besides public holidays.
    #[serde(default)]
    pub closed: Vec<NaiveDate>,
    /// Places a day; unlimited when unset. Beyond, bookings wait in line.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// Until when a day can be booked. Default: 1 working day before, 10:00.
    #[serde(default = "day_before")]
    pub booking: Deadline,
    /// Until when a booking can be cancelled. Default: 1 working day before, 10:00.
    #[serde(default = "day_before")]
    pub cancellation: Deadline,
    /// How far ahead a day can be booked, in days. Default: 120.
    #[serde(default = "horizon")]
    pub horizon_days: u32,
}

fn school_week() -> Vec<WeekDay> {
    vec![WeekDay::Mon, WeekDay::Tue, WeekDay::Thu, WeekDay::Fri]
}

fn school() -> Period {
    Period::School
}

fn day_before() -> Deadline {
    Deadline {
        days: 1,
        working_days: true,
        at: TimeOfDay::hm(10, 0),
    }
}

fn horizon() -> u32 {
    120
}

/// Why a unit is not open on a day, in the words the calendar shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Closure {
    /// "Fête du travail".
    PublicHoliday(String),
    /// "Vacances de Noël" (a school-days unit during the holidays).
    SchoolHolidays(String),
    /// A day the commune closed.
    Closed,
    /// Not one of its days (weekday, period or month).
    NotItsDay,
}

impl Closure {
    /// "Fête du travail", "Vacances de Noël", "Fermé", "Pas un jour de l'activité".
    pub fn describe(&self) -> String {
        match self {
            Closure::PublicHoliday(name) | Closure::SchoolHolidays(name) => name.clone(),
            Closure::Closed => "Fermé".to_string(),
            Closure::NotItsDay => "Pas un jour de l'activité".to_string(),
        }
    }
}

impl Unit {
    /// Whether the unit opens on `day`, or why not.
    pub fn opening(&self, day: NaiveDate, calendar: &impl Calendar) -> Result<(), Closure> {
        let month_ok = self.months.is_empty() || self.months.contains(&day.month());
        if !month_ok || !self.weekdays.contains(&WeekDay::of(day)) {
            return Err(Closure::NotItsDay);
        }
        if let Some(name) = calendar.public_holiday(day) {
            return Err(Closure::PublicHoliday(name.to_string()));
        }
        if self.closed.contains(&day) {
            return Err(Closure::Closed);
        }
        let holidays = calendar.school_holidays(day);
        match (self.period, holidays) {
            (Period::School, Some(name)) => return Err(Closure::SchoolHolidays(name.to_string())),
            (Period::Holidays, None) => return Err(Closure::NotItsDay),
            _ => {}
        }
        Ok(())
    }

    /// "Garderie matin payante 07:30 - 08:19".
    pub fn label(&self) -> String {
        match (self.start, self.end) {
            (Some(start), Some(end)) => format!("{} {start} - {end}", self.name),
            _ => self.name.clone(),
        }
    }

    /// What is wrong with it (checked at start).
    pub fn problems(&self, activity: &str) -> Vec<String> {
        let mut found = Vec::new();
        let code_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if self.code.is_empty() || !self.code.chars().all(code_char) {
            found.push(format!(
                "activity `{activity}`: unit codes are of a-z, 0-9 and -"
            ));
        }
        if self.weekdays.is_empty() {
            found.push(format!(
                "unit `{activity}/{}` opens on no weekday",
                self.code
            ));
        }
        if self.months.iter().any(|m| !(1..=12).contains(m)) {
            found.push(format!(
                "unit `{activity}/{}`: months are 1 to 12",
                self.code
            ));
        }
        if matches!((self.start, self.end), (Some(s), Some(e)) if s >= e)
            || self.start.is_some() != self.end.is_some()
        {
            found.push(format!(
                "unit `{activity}/{}`: start before end, both or none",
                self.code
            ));
        }
        if self.capacity == Some(0) || self.horizon_days == 0 || self.horizon_days > 400 {
            found.push(format!(
                "unit `{activity}/{}`: capacity at least 1, horizon 1 to 400 days",
                self.code
            ));
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed;

    impl Calendar for Fixed {
        fn public_holiday(&self, day: NaiveDate) -> Option<&str> {
            (day == NaiveDate::from_ymd_opt(2027, 5, 6).unwrap()).then_some("Ascension")
        }

        fn school_holidays(&self, day: NaiveDate) -> Option<&str> {
            (day.month() == 7 || day.month() == 8).then_some("Vacances d'été")
        }
    }

    fn unit(period: Period) -> Unit {
        let mut unit: Unit =
            serde_json::from_value(serde_json::json!({"code": "repas", "name": "Repas de midi"}))
                .unwrap();
        if period == Period::Holidays {
            unit.period = period;
            unit.weekdays = vec![
                WeekDay::Mon,
                WeekDay::Tue,
                WeekDay::Wed,
                WeekDay::Thu,
                WeekDay::Fri,
            ];
            unit.months = vec![7];
        }
        unit
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    #[test]
    fn a_school_unit_opens_on_school_days_but_not_on_holidays() {
        let canteen = unit(Period::School);
        assert_eq!(canteen.opening(day(5, 4), &Fixed), Ok(()));
        assert_eq!(canteen.opening(day(5, 5), &Fixed), Err(Closure::NotItsDay));
        assert_eq!(
            canteen.opening(day(5, 6), &Fixed),
            Err(Closure::PublicHoliday("Ascension".into()))
        );
        assert_eq!(
            canteen.opening(day(7, 6), &Fixed),
            Err(Closure::SchoolHolidays("Vacances d'été".into()))
        );
        assert!(canteen.problems("restauration-scolaire").is_empty());
    }

    #[test]
    fn a_july_holiday_unit_opens_only_then() {
        let july = unit(Period::Holidays);
        assert_eq!(july.opening(day(7, 7), &Fixed), Ok(()));
        assert_eq!(july.opening(day(8, 4), &Fixed), Err(Closure::NotItsDay));
        assert_eq!(july.opening(day(5, 4), &Fixed), Err(Closure::NotItsDay));
    }
}
