//! The town hall's calendar: days are those of Europe/Paris, whatever the server's zone.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;

/// Today at the town hall.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&Paris).date_naive()
}

/// The UTC instant `day` starts at the town hall.
pub fn midnight(day: NaiveDate) -> NaiveDateTime {
    Paris
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .earliest()
        .map(|at| at.naive_utc())
        .unwrap_or_else(|| day.and_time(NaiveTime::MIN))
}

/// The town hall's clock now (Europe/Paris wall time), for deadlines.
pub fn now_local() -> NaiveDateTime {
    Utc::now().with_timezone(&Paris).naive_local()
}
