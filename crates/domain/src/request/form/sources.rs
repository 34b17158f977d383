//! Choices a form does not list itself: the commune's activities, schools and levels (its
//! configuration) and the school years (the calendar). The server fills them in.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Choice, FormDefinition};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChoiceSource {
    /// The commune's activities ("Inscription aux activités / sessions").
    Activities,
    /// The commune's schools ("Etablissement").
    Schools,
    /// The school levels the commune lists ("Niveau": PS, MS, GS, CP…).
    SchoolLevels,
    /// The current school year and the next one ("Année 2026 / 2027").
    SchoolYears,
}

impl FormDefinition {
    /// Gives every field whose choices come from `source` these choices.
    pub fn fill_choices(&mut self, source: ChoiceSource, choices: &[Choice]) {
        for field in self.steps.iter_mut().flat_map(|s| s.fields.iter_mut()) {
            if field.choices_from == Some(source) {
                field.choices = choices.to_vec();
            }
        }
    }
}

/// The school year under way on `today` (it starts on 1 September) and the next one, for
/// which families register from the spring: `2026-2027`, "Année 2026 / 2027".
/// The school year a day belongs to ("2026-2027" from 1 September 2026 to 31 August 2027).
pub fn school_year_of(day: NaiveDate) -> String {
    let first = school_year_start(day);
    format!("{first}-{}", first + 1)
}

fn school_year_start(day: NaiveDate) -> i32 {
    if day.month() >= 9 {
        day.year()
    } else {
        day.year() - 1
    }
}

pub fn school_year_choices(today: NaiveDate) -> Vec<Choice> {
    let first = school_year_start(today);
    (first..=first + 1)
        .map(|y| {
            let value = format!("{y}-{}", y + 1);
            Choice {
                label: school_year_label(&value),
                value,
            }
        })
        .collect()
}

/// `2026-2027` -> "Année 2026 / 2027", as the manuals write a school year.
pub fn school_year_label(code: &str) -> String {
    match code.split_once('-') {
        Some((first, second)) => format!("Année {first} / {second}"),
        None => code.to_string(),
    }
}
