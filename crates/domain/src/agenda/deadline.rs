//! Booking and cancellation deadlines: "J-n (calendar or working days) before hh:mm", in
//! the town hall's time (Europe/Paris). One typed rule for both, checked by the server in
//! the booking transaction and shown by the SPA in the same words.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A time of day, written `HH:MM` (in configuration and in the API).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(pub NaiveTime);

impl TimeOfDay {
    pub fn hm(hour: u32, minute: u32) -> TimeOfDay {
        TimeOfDay(NaiveTime::from_hms_opt(hour, minute, 0).expect("a time of day"))
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, "%H:%M")
            .map(TimeOfDay)
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a time HH:MM")))
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for TimeOfDay {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))
            .examples([serde_json::json!("10:00")])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for TimeOfDay {}

/// "J-`days` avant `at`": a change for a day is possible until `days` days before it
/// (working days: Monday to Friday, public holidays skipped), at `at` in Europe/Paris.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"days": 2, "working_days": true, "at": "10:00"})))]
pub struct Deadline {
    pub days: u32,
    #[serde(default)]
    pub working_days: bool,
    pub at: TimeOfDay,
}

impl Deadline {
    /// The last instant (town-hall time) a change for `day` is possible;
    /// `is_public_holiday` says which days working days skip.
    pub fn limit(
        &self,
        day: NaiveDate,
        is_public_holiday: impl Fn(NaiveDate) -> bool,
    ) -> NaiveDateTime {
        let mut at = day;
        let mut left = self.days;
        while left > 0 {
            at = at.checked_sub_days(Days::new(1)).unwrap_or(at);
            let counts = !self.working_days
                || (!matches!(at.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(at));
            if counts {
                left -= 1;
            }
        }
        at.and_time(self.at.0)
    }

    /// "jusqu'à 2 jours ouvrés avant, 10:00".
    pub fn label(&self) -> String {
        let unit = match (self.days, self.working_days) {
            (0, _) => return format!("jusqu'au jour même, {}", self.at),
            (1, false) => "jour",
            (1, true) => "jour ouvré",
            (_, false) => "jours",
            (_, true) => "jours ouvrés",
        };
        format!("jusqu'à {} {unit} avant, {}", self.days, self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    #[test]
    fn calendar_days_count_every_day_working_days_skip_weekends_and_holidays() {
        let rule = |days, working_days| Deadline {
            days,
            working_days,
            at: TimeOfDay::hm(10, 0),
        };
        let holiday = |d: NaiveDate| d == day(5, 6);
        // Monday 10 May 2027: J-2 calendar is Saturday 8, J-2 working is Thursday 6 (a
        // holiday, Ascension) skipped: Wednesday 5.
        assert_eq!(
            rule(2, false).limit(day(5, 10), holiday),
            day(5, 8).and_hms_opt(10, 0, 0).unwrap()
        );
        assert_eq!(
            rule(2, true).limit(day(5, 10), holiday),
            day(5, 5).and_hms_opt(10, 0, 0).unwrap()
        );
        assert_eq!(
            rule(0, false).limit(day(5, 10), holiday),
            day(5, 10).and_hms_opt(10, 0, 0).unwrap()
        );
        assert_eq!(rule(2, true).label(), "jusqu'à 2 jours ouvrés avant, 10:00");
    }

    #[test]
    fn a_time_of_day_reads_and_writes_hh_mm() {
        let t: TimeOfDay = serde_json::from_str("\"07:30\"").unwrap();
        assert_eq!(t, TimeOfDay::hm(7, 30));
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"07:30\"");
        assert!(serde_json::from_str::<TimeOfDay>("\"7h30\"").is_err());
        assert!(serde_json::from_str::<TimeOfDay>("\"25:00\"").is_err());
    }
}
