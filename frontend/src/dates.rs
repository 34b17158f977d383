//! Instants come from the API in UTC; people read them in their own time zone.

use chrono::{DateTime, Local, NaiveDate, Utc};

/// "12/02/2018".
pub fn local_date(at: &DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%d/%m/%Y").to_string()
}

/// "12/02/2018 à 14:05".
pub fn local_date_time(at: &DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%d/%m/%Y à %H:%M")
        .to_string()
}

/// Today, for the person at the keyboard (the form checks date answers against it).
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}
