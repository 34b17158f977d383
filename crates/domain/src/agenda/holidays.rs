//! Public holidays ("jours fériés"): the fixed dates, and those that follow Easter (Easter
//! Monday, Ascension, Whit Monday); Alsace-Moselle adds Good Friday and 26 December.

use chrono::{Datelike, Days, NaiveDate};

/// Easter Sunday of `year` (Gregorian calendar; anonymous algorithm of Meeus, Jones and
/// Butcher).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real day")
}

/// The public holidays of `year`, by date, with their names.
pub fn public_holidays(year: i32, alsace_moselle: bool) -> Vec<(NaiveDate, &'static str)> {
    let fixed = |month, day, name| (NaiveDate::from_ymd_opt(year, month, day), name);
    let easter = easter(year);
    let after = |days: u64, name| (easter.checked_add_days(Days::new(days)), name);
    let mut days = vec![
        fixed(1, 1, "Jour de l'an"),
        after(1, "Lundi de Pâques"),
        fixed(5, 1, "Fête du travail"),
        fixed(5, 8, "Victoire 1945"),
        after(39, "Ascension"),
        after(50, "Lundi de Pentecôte"),
        fixed(7, 14, "Fête nationale"),
        fixed(8, 15, "Assomption"),
        fixed(11, 1, "Toussaint"),
        fixed(11, 11, "Armistice 1918"),
        fixed(12, 25, "Noël"),
    ];
    if alsace_moselle {
        days.push((easter.checked_sub_days(Days::new(2)), "Vendredi saint"));
        days.push(fixed(12, 26, "Saint-Étienne"));
    }
    let mut days: Vec<_> = days
        .into_iter()
        .filter_map(|(day, name)| Some((day?, name)))
        .collect();
    days.sort();
    days
}

/// The name of the public holiday `day` is, if it is one.
pub fn public_holiday(day: NaiveDate, alsace_moselle: bool) -> Option<&'static str> {
    // The Gregorian computation holds for these years (and the portal needs no others).
    if !(1900..=2200).contains(&day.year()) {
        return None;
    }
    public_holidays(day.year(), alsace_moselle)
        .into_iter()
        .find(|(d, _)| *d == day)
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_falls_on_the_published_sundays() {
        for (year, month, d) in [
            (2018, 4, 1),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(year), day(year, month, d), "{year}");
        }
    }

    #[test]
    fn a_year_has_eleven_holidays_and_alsace_moselle_two_more() {
        let days = public_holidays(2027, false);
        assert_eq!(days.len(), 11);
        assert_eq!(
            public_holiday(day(2027, 5, 1), false),
            Some("Fête du travail")
        );
        assert_eq!(
            public_holiday(day(2027, 3, 29), false),
            Some("Lundi de Pâques")
        );
        assert_eq!(public_holiday(day(2027, 5, 6), false), Some("Ascension"));
        assert_eq!(
            public_holiday(day(2027, 5, 17), false),
            Some("Lundi de Pentecôte")
        );
        assert_eq!(public_holiday(day(2027, 3, 26), false), None);
        assert_eq!(
            public_holiday(day(2027, 3, 26), true),
            Some("Vendredi saint")
        );
        assert_eq!(
            public_holiday(day(2027, 12, 26), true),
            Some("Saint-Étienne")
        );
        assert_eq!(public_holidays(2027, true).len(), 13);
    }
}
