//! "Mois / Semaine / Jour": which days a view shows around its day, how "‹ ›" move it, and
//! its title.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::words::{long_date, month_title};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Month,
    Week,
    Day,
}

impl View {
    pub const ALL: [(View, &'static str, &'static str); 3] = [
        (View::Month, "month", "Mois"),
        (View::Week, "week", "Semaine"),
        (View::Day, "day", "Jour"),
    ];

    fn monday(day: NaiveDate) -> NaiveDate {
        let back = u64::from(day.weekday().num_days_from_monday());
        day.checked_sub_days(Days::new(back)).unwrap_or(day)
    }

    /// The days shown: six weeks from the Monday before the 1st, the week, or the day.
    pub fn range(self, anchor: NaiveDate) -> (NaiveDate, NaiveDate) {
        let from = match self {
            View::Month => View::monday(anchor.with_day(1).unwrap_or(anchor)),
            View::Week => View::monday(anchor),
            View::Day => anchor,
        };
        let days = match self {
            View::Month => 41,
            View::Week => 6,
            View::Day => 0,
        };
        (from, from.checked_add_days(Days::new(days)).unwrap_or(from))
    }

    /// The day "‹" (back) or "›" leads to.
    pub fn step(self, anchor: NaiveDate, forward: bool) -> NaiveDate {
        let moved = match (self, forward) {
            (View::Month, true) => anchor
                .with_day(1)
                .and_then(|d| d.checked_add_months(Months::new(1))),
            (View::Month, false) => anchor
                .with_day(1)
                .and_then(|d| d.checked_sub_months(Months::new(1))),
            (View::Week, true) => anchor.checked_add_days(Days::new(7)),
            (View::Week, false) => anchor.checked_sub_days(Days::new(7)),
            (View::Day, true) => anchor.checked_add_days(Days::new(1)),
            (View::Day, false) => anchor.checked_sub_days(Days::new(1)),
        };
        moved.unwrap_or(anchor)
    }

    /// "décembre 2026", "Semaine 50 : du 07/12/2026 au 13/12/2026", "mardi 8 décembre 2026".
    pub fn title(self, anchor: NaiveDate) -> String {
        match self {
            View::Month => month_title(anchor.with_day(1).unwrap_or(anchor)),
            View::Week => {
                let (from, to) = self.range(anchor);
                format!(
                    "Semaine {} : du {} au {}",
                    anchor.iso_week().week(),
                    from.format("%d/%m/%Y"),
                    to.format("%d/%m/%Y")
                )
            }
            View::Day => long_date(anchor),
        }
    }

    /// The words of the arrows, for screen readers.
    pub fn arrows(self) -> (&'static str, &'static str) {
        match self {
            View::Month => ("Mois précédent", "Mois suivant"),
            View::Week => ("Semaine précédente", "Semaine suivante"),
            View::Day => ("Jour précédent", "Jour suivant"),
        }
    }
}
