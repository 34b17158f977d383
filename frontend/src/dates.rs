//! Instants come from the API in UTC; people read them in their own time zone.

use chrono::{DateTime, Local, Utc};

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
