//! The commune a portal serves: names, news line and catalogue. A preset (one per town
//! of the manuals) gives every value; the configuration file may override any of them.

use domain::catalogue::ProcedureKind;
use domain::request::form::ChoiceSource;
use serde::Deserialize;

use super::calendar::TownCalendar;
use super::documents::{DocumentTypeSettings, DocumentTypes, RequirementSettings, DEFAULT_TYPES};
use super::schooling::{self, ActivitySettings, SchoolSettings, SCHOOL_LEVELS};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CommuneSettings {
    /// `quievrechain` (default), `hesdigneul`, `isques` or `sarrians`.
    pub preset: Option<String>,
    pub name: Option<String>,
    pub regie_name: Option<String>,
    pub news: Option<String>,
    pub catalogue: Option<Vec<CategorySettings>>,
    /// The documents the commune asks for; the manuals' list when unset.
    pub document_types: Option<Vec<DocumentTypeSettings>>,
    /// The activities a fiche enfant enrols a child in.
    pub activities: Option<Vec<ActivitySettings>>,
    /// The schools a fiche enfant names.
    pub schools: Option<Vec<SchoolSettings>>,
    /// The levels a fiche enfant offers; the French ones (TPS to CM2) when unset.
    pub school_levels: Option<Vec<String>>,
    /// The académie (`lille`, `aix-marseille`…): its zone gives the school holidays.
    pub academie: Option<String>,
    /// The school holidays' ICS file (the ministry's); the académie's zone when unset.
    pub school_holidays: Option<std::path::PathBuf>,
    /// Good Friday and 26 December are public holidays (Alsace-Moselle).
    pub alsace_moselle: Option<bool>,
    /// The colour of booked days in the Agenda: `blue` (default) or `red`.
    pub booked_colour: Option<domain::catalogue::BookedColour>,
    /// Built from the three above at start.
    #[serde(skip)]
    pub calendar: TownCalendar,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySettings {
    pub name: String,
    #[serde(default)]
    pub procedures: Vec<ProcedureSettings>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureSettings {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// The description page, paragraphs separated by blank lines.
    #[serde(default)]
    pub description: String,
    /// "Temps estimé".
    #[serde(default)]
    pub duration_minutes: Option<i32>,
    /// Terms to accept before starting.
    #[serde(default)]
    pub terms: Option<String>,
    /// What acceptance does besides closing: `generic` (default), `personal_data_update`,
    /// `social_data_update`, `household_member_addition` or `child_registration`. Anything
    /// else stops the start.
    #[serde(default = "generic")]
    pub kind: ProcedureKind,
    /// The form; a one-step "Objet / Message" form when unset.
    #[serde(default)]
    pub form: Option<domain::request::FormDefinition>,
    /// The documents its requests need.
    #[serde(default)]
    pub documents: Vec<RequirementSettings>,
}

fn generic() -> ProcedureKind {
    ProcedureKind::Generic
}

const PRESETS: [(&str, &str); 4] = [
    (
        "quievrechain",
        include_str!("../../communes/quievrechain.toml"),
    ),
    ("hesdigneul", include_str!("../../communes/hesdigneul.toml")),
    ("isques", include_str!("../../communes/isques.toml")),
    ("sarrians", include_str!("../../communes/sarrians.toml")),
];

impl CommuneSettings {
    /// Fills what the configuration left out from the preset.
    pub fn resolve(&mut self) -> Result<(), String> {
        let preset_name = self.preset.clone().unwrap_or_else(|| "quievrechain".into());
        let Some((_, text)) = PRESETS.iter().find(|(name, _)| *name == preset_name) else {
            let known: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "unknown commune preset `{preset_name}` (known: {})",
                known.join(", ")
            ));
        };
        let preset: CommuneSettings =
            toml::from_str(text).map_err(|e| format!("preset {preset_name}: {e}"))?;
        self.preset = Some(preset_name);
        self.name = self.name.take().or(preset.name);
        self.regie_name = self.regie_name.take().or(preset.regie_name);
        self.news = self.news.take().or(preset.news);
        self.catalogue = self.catalogue.take().or(preset.catalogue);
        self.activities = self.activities.take().or(preset.activities);
        self.schools = self.schools.take().or(preset.schools);
        self.school_levels = self.school_levels.take().or(preset.school_levels);
        self.academie = self.academie.take().or(preset.academie);
        self.alsace_moselle = self.alsace_moselle.or(preset.alsace_moselle);
        self.booked_colour = self.booked_colour.or(preset.booked_colour);
        self.calendar = TownCalendar::load(
            self.academie.as_deref().unwrap_or("lille"),
            self.school_holidays.as_deref(),
            self.alsace_moselle.unwrap_or(false),
        )?;
        if self.school_levels.is_none() {
            self.school_levels = Some(SCHOOL_LEVELS.iter().map(|l| l.to_string()).collect());
        }
        if self.document_types.is_none() {
            self.document_types = match preset.document_types {
                Some(types) => Some(types),
                None => Some(
                    toml::from_str::<DocumentTypes>(DEFAULT_TYPES)
                        .map_err(|e| format!("default document types: {e}"))?
                        .document_types,
                ),
            };
        }
        self.fill_choices(crate::town_clock::today());
        self.check_forms()?;
        self.check_documents()
    }

    /// Gives the forms the choices they take from the configuration (and today's school
    /// years; the catalogue refreshes those when it shows a form).
    fn fill_choices(&mut self, today: chrono::NaiveDate) {
        let (activities, schools) = (self.activities().to_vec(), self.schools().to_vec());
        let levels = self.school_levels.clone().unwrap_or_default();
        for category in self.catalogue.iter_mut().flatten() {
            for form in category
                .procedures
                .iter_mut()
                .filter_map(|p| p.form.as_mut())
            {
                schooling::fill(form, &activities, &schools, &levels, today);
            }
        }
    }

    pub fn activities(&self) -> &[ActivitySettings] {
        self.activities.as_deref().unwrap_or(&[])
    }

    pub fn schools(&self) -> &[SchoolSettings] {
        self.schools.as_deref().unwrap_or(&[])
    }

    /// Types are sound and unique, and every document a procedure needs is a known type
    /// (a condition names a field of its form).
    fn check_documents(&self) -> Result<(), String> {
        let types = self.document_types();
        let mut problems: Vec<String> = types.iter().flat_map(|t| t.problems()).collect();
        for (i, t) in types.iter().enumerate() {
            if types[..i].iter().any(|o| o.slug == t.slug) {
                problems.push(format!("document type `{}` is listed twice", t.slug));
            }
        }
        for p in self.catalogue().iter().flat_map(|c| &c.procedures) {
            for r in &p.documents {
                if !types.iter().any(|t| t.slug == r.document_type) {
                    problems.push(format!(
                        "procedure `{}` needs the unknown document type `{}`",
                        p.slug, r.document_type
                    ));
                }
                if let Some(c) = &r.when {
                    let known = p.form.as_ref().is_some_and(|f| {
                        f.steps
                            .iter()
                            .flat_map(|s| &s.fields)
                            .any(|f| f.name == c.field)
                    });
                    if !known {
                        problems.push(format!(
                            "procedure `{}`: document `{}` depends on the unknown field `{}`",
                            p.slug, r.document_type, c.field
                        ));
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }

    pub fn document_types(&self) -> &[DocumentTypeSettings] {
        self.document_types.as_deref().unwrap_or(&[])
    }

    /// The configuration of the procedure `slug`.
    pub fn procedure(&self, slug: &str) -> Option<&ProcedureSettings> {
        self.catalogue()
            .iter()
            .flat_map(|c| &c.procedures)
            .find(|p| p.slug == slug)
    }

    /// Every form is checked at start: a number without bounds or a select without
    /// choices is a configuration mistake, not something to find on a citizen's screen.
    fn check_forms(&self) -> Result<(), String> {
        let mut problems: Vec<String> = self
            .catalogue()
            .iter()
            .flat_map(|c| &c.procedures)
            .flat_map(|p| {
                let form = p.form.as_ref().map(|f| f.problems()).unwrap_or_default();
                form.into_iter()
                    .map(move |e| format!("procedure `{}`: {e}", p.slug))
            })
            .collect();
        problems.extend(schooling::problems(self.activities(), self.schools()));
        for p in self.catalogue().iter().flat_map(|c| &c.procedures) {
            let has_child = p.form.as_ref().is_some_and(|f| f.child_field().is_some());
            if (p.kind == ProcedureKind::ChildRegistration) != has_child {
                problems.push(format!(
                    "procedure `{}`: a child_registration form asks for one `child`, and only it",
                    p.slug
                ));
            }
            if p.kind == ProcedureKind::ChildRegistration {
                let form = p.form.clone().unwrap_or_default();
                for source in [ChoiceSource::Activities, ChoiceSource::SchoolYears] {
                    if form.fields().all(|f| f.choices_from != Some(source)) {
                        problems.push(format!(
                            "procedure `{}`: a child_registration form asks for {source:?} (`choices_from`)",
                            p.slug
                        ));
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }

    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("Guichet")
    }

    pub fn regie_name(&self) -> &str {
        self.regie_name.as_deref().unwrap_or("Régie")
    }

    pub fn news(&self) -> &str {
        self.news.as_deref().unwrap_or("")
    }

    pub fn catalogue(&self) -> &[CategorySettings] {
        self.catalogue.as_deref().unwrap_or(&[])
    }
}

#[cfg(test)]
#[path = "commune_tests.rs"]
mod tests;
