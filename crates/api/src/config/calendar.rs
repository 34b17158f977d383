//! The town's calendar: public holidays (computed; Alsace-Moselle's two more when the
//! commune says so) and school holidays of its zone, read from the ministry's ICS (the
//! embedded 2018-2028 files, or the file the commune names). The zone comes from the
//! académie.

use std::path::Path;

use chrono::NaiveDate;
use domain::agenda::holidays::public_holiday;
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

const ZONES: [(&str, &str); 3] = [
    ("A", include_str!("../../calendars/Zone-A.ics")),
    ("B", include_str!("../../calendars/Zone-B.ics")),
    ("C", include_str!("../../calendars/Zone-C.ics")),
];

/// The académies of each zone (since 2020; Normandie joined its two former académies).
const ACADEMIES: [(&str, &str); 25] = [
    ("besancon", "A"),
    ("bordeaux", "A"),
    ("clermont-ferrand", "A"),
    ("dijon", "A"),
    ("grenoble", "A"),
    ("limoges", "A"),
    ("lyon", "A"),
    ("poitiers", "A"),
    ("aix-marseille", "B"),
    ("amiens", "B"),
    ("lille", "B"),
    ("nancy-metz", "B"),
    ("nantes", "B"),
    ("nice", "B"),
    ("normandie", "B"),
    ("orleans-tours", "B"),
    ("reims", "B"),
    ("rennes", "B"),
    ("strasbourg", "B"),
    ("creteil", "C"),
    ("montpellier", "C"),
    ("paris", "C"),
    ("toulouse", "C"),
    ("versailles", "C"),
    ("corse", "Corse"),
];

/// One period of school holidays: from `start` to `end` excluded.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Holidays {
    start: NaiveDate,
    end: NaiveDate,
    name: String,
}

#[derive(Debug, Clone, Default)]
pub struct TownCalendar {
    holidays: Vec<Holidays>,
    alsace_moselle: bool,
}

impl TownCalendar {
    /// The calendar of the académie's zone, or of the ICS file given.
    pub fn load(
        academie: &str,
        file: Option<&Path>,
        alsace_moselle: bool,
    ) -> Result<TownCalendar, String> {
        let text = match file {
            Some(path) => std::fs::read_to_string(path)
                .map_err(|e| format!("school holidays file {}: {e}", path.display()))?,
            None => {
                let zone = ACADEMIES
                    .iter()
                    .find(|(name, _)| *name == academie)
                    .map(|(_, zone)| *zone)
                    .ok_or_else(|| {
                        let known: Vec<&str> = ACADEMIES.iter().map(|(a, _)| *a).collect();
                        format!(
                            "unknown académie `{academie}` (known: {})",
                            known.join(", ")
                        )
                    })?;
                ZONES
                    .iter()
                    .find(|(z, _)| *z == zone)
                    .map(|(_, text)| text.to_string())
                    .ok_or_else(|| {
                        format!("académie `{academie}`: zone {zone} has no embedded calendar, give `school_holidays`")
                    })?
            }
        };
        Ok(TownCalendar {
            holidays: parse(&text)?,
            alsace_moselle,
        })
    }
}

/// The holiday periods of an ICS calendar: all-day events, the zone left out of their
/// names ("Vacances de Noël - Zone B" is "Vacances de Noël").
fn parse(text: &str) -> Result<Vec<Holidays>, String> {
    let calendar: Calendar = text
        .parse()
        .map_err(|e| format!("school holidays: not an iCalendar file ({e})"))?;
    let mut periods = Vec::new();
    for component in &calendar.components {
        let CalendarComponent::Event(event) = component else {
            continue;
        };
        let (Some(DatePerhapsTime::Date(start)), Some(DatePerhapsTime::Date(end))) =
            (event.get_start(), event.get_end())
        else {
            return Err("school holidays: every event is a whole-day one".into());
        };
        let summary = event.get_summary().unwrap_or("Vacances scolaires");
        let name = summary.split(" - Zone").next().unwrap_or(summary).trim();
        if end <= start {
            return Err(format!("school holidays: `{name}` ends before it starts"));
        }
        periods.push(Holidays {
            start,
            end,
            name: name.to_string(),
        });
    }
    if periods.is_empty() {
        return Err("school holidays: the file holds no holidays".into());
    }
    periods.sort_by_key(|p| p.start);
    Ok(periods)
}

impl domain::agenda::Calendar for TownCalendar {
    fn public_holiday(&self, day: NaiveDate) -> Option<&str> {
        public_holiday(day, self.alsace_moselle)
    }

    fn school_holidays(&self, day: NaiveDate) -> Option<&str> {
        self.holidays
            .iter()
            .find(|p| p.start <= day && day < p.end)
            .map(|p| p.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use domain::agenda::Calendar as _;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn lille_is_zone_b_with_its_holidays_and_public_holidays() {
        let calendar = TownCalendar::load("lille", None, false).unwrap();
        assert_eq!(
            calendar.school_holidays(day(2018, 2, 26)),
            Some("Vacances d'hiver")
        );
        // Zone B's winter holidays of 2018 end on Sunday 11 March: school on the 12th.
        assert_eq!(
            calendar.school_holidays(day(2018, 3, 11)),
            Some("Vacances d'hiver")
        );
        assert_eq!(calendar.school_holidays(day(2018, 3, 12)), None);
        assert_eq!(
            calendar.public_holiday(day(2027, 5, 1)),
            Some("Fête du travail")
        );
        let zone_a = TownCalendar::load("lyon", None, false).unwrap();
        assert_eq!(
            zone_a.school_holidays(day(2018, 2, 12)),
            Some("Vacances d'hiver")
        );
        assert_eq!(calendar.school_holidays(day(2018, 2, 12)), None);
    }

    #[test]
    fn an_unknown_academie_or_a_broken_file_stops_the_start() {
        assert!(TownCalendar::load("atlantide", None, false)
            .unwrap_err()
            .contains("unknown académie"));
        assert!(TownCalendar::load("corse", None, false)
            .unwrap_err()
            .contains("no embedded calendar"));
        assert!(parse("BEGIN:VCALENDAR\nEND:VCALENDAR\n").is_err());
    }
}
