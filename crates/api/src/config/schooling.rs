//! The commune's activities (what the fiche enfant enrols a child in, and the Agenda
//! books) and its schools, levels: configuration the forms draw their choices from.

use domain::request::form::{school_year_choices, ChoiceSource};
use domain::request::{Choice, FormDefinition};
use serde::Deserialize;

/// The French school levels, from the first year of nursery school to the last of
/// primary school.
pub const SCHOOL_LEVELS: [&str; 9] = ["TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivitySettings {
    /// Stable code (`restauration-scolaire`), kept on enrolments and bookings.
    pub code: String,
    /// "Restauration scolaire".
    pub name: String,
    /// What the Agenda books, with the days each opens; none: nothing to book.
    #[serde(default)]
    pub units: Vec<domain::agenda::Unit>,
    /// Booked only for a child with a school enrolment for the year (the canteen).
    #[serde(default)]
    pub needs_school: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolSettings {
    /// "Ecole élémentaire Jean-Marie Brison".
    pub name: String,
}

/// What is wrong with the lists: codes unique and of `a-z`, `0-9`, `-`.
pub fn problems(activities: &[ActivitySettings], schools: &[SchoolSettings]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, a) in activities.iter().enumerate() {
        let code_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if a.code.is_empty() || !a.code.chars().all(code_char) {
            problems.push(format!(
                "activity `{}`: codes are of a-z, 0-9 and -",
                a.code
            ));
        }
        if activities[..i].iter().any(|o| o.code == a.code) {
            problems.push(format!("activity `{}` is listed twice", a.code));
        }
        for (j, unit) in a.units.iter().enumerate() {
            problems.extend(unit.problems(&a.code));
            if a.units[..j].iter().any(|o| o.code == unit.code) {
                problems.push(format!("unit `{}/{}` is listed twice", a.code, unit.code));
            }
        }
    }
    for (i, s) in schools.iter().enumerate() {
        if schools[..i].iter().any(|o| o.name == s.name) {
            problems.push(format!("school `{}` is listed twice", s.name));
        }
    }
    problems
}

/// Fills the choices a form takes from the configuration and the calendar.
pub fn fill(
    form: &mut FormDefinition,
    activities: &[ActivitySettings],
    schools: &[SchoolSettings],
    levels: &[String],
    today: chrono::NaiveDate,
) {
    let choice = |value: &str, label: &str| Choice {
        value: value.into(),
        label: label.into(),
    };
    let activities: Vec<Choice> = activities
        .iter()
        .map(|a| choice(&a.code, &a.name))
        .collect();
    let schools: Vec<Choice> = schools.iter().map(|s| choice(&s.name, &s.name)).collect();
    let levels: Vec<Choice> = levels.iter().map(|l| choice(l, l)).collect();
    form.fill_choices(ChoiceSource::Activities, &activities);
    form.fill_choices(ChoiceSource::Schools, &schools);
    form.fill_choices(ChoiceSource::SchoolLevels, &levels);
    form.fill_choices(ChoiceSource::SchoolYears, &school_year_choices(today));
}
