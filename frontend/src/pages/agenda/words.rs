//! The Agenda's words: French months and weekdays, each state in words with the icon
//! that repeats it (the colour only repeats both).

use chrono::{Datelike, NaiveDate};
use domain::agenda::{DayState, UnitDay, UnitState};

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

pub const WEEKDAYS: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

const LONG_WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// "décembre 2026".
pub fn month_title(first: NaiveDate) -> String {
    format!("{} {}", MONTHS[first.month0() as usize], first.year())
}

/// "mardi 8 décembre 2026".
pub fn long_date(day: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        LONG_WEEKDAYS[day.weekday().num_days_from_monday() as usize],
        day.day(),
        MONTHS[day.month0() as usize],
        day.year()
    )
}

/// "jeudi 03/12/2026".
pub fn weekday_date(day: NaiveDate) -> String {
    format!(
        "{} {}",
        LONG_WEEKDAYS[day.weekday().num_days_from_monday() as usize],
        day.format("%d/%m/%Y")
    )
}

/// The icon and the words of a day's cell.
pub fn day_state(state: DayState) -> (&'static str, &'static str) {
    match state {
        DayState::Bookable => ("○", "Réservable"),
        DayState::Booked => ("✓", "Réservé"),
        DayState::Today => ("●", "Aujourd'hui"),
        DayState::Closed => ("✕", "Fermé"),
        DayState::Unavailable => ("–", "Non réservable"),
        DayState::Past => ("", "Passé"),
    }
}

/// A unit's state for the person, in words.
pub fn unit_state(unit: &UnitDay) -> String {
    match unit.state {
        UnitState::Bookable => "Réservable".into(),
        UnitState::Booked => "Réservé".into(),
        UnitState::Waiting => match unit.position {
            Some(n) => format!("En liste d'attente (n° {n})"),
            None => "En liste d'attente".into(),
        },
        UnitState::BookedElsewhere => "Réservé par l'autre foyer de l'enfant".into(),
        UnitState::OtherUnitBooked => "Un autre créneau est réservé ce jour-là".into(),
        UnitState::TooLate => "Délai de réservation dépassé".into(),
        UnitState::TooEarly => "Pas encore ouvert à la réservation".into(),
        UnitState::NotEnrolled => "Non inscrit à cette activité (fiche enfant)".into(),
        UnitState::NoSchool => "Inscription scolaire nécessaire".into(),
    }
}
