//! The commune and its catalogue of procedures (services and démarches), public.

use crate::ids::{CategoryId, ProcedureId};
use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};

/// The commune this portal serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Ville de Quiévrechain", "regie_name": "Régie Quiévrechain", "news": "Inscriptions à la cantine ouvertes jusqu'au 15 décembre.", "booked_colour": "blue"})))]
pub struct Commune {
    /// e.g. "Ville de Quiévrechain".
    pub name: String,
    /// Name of the billing office (régie).
    pub regie_name: String,
    /// The news line shown after "ACTUALITÉS".
    pub news: String,
    /// The colour of booked days in the Agenda (blue at Quiévrechain, red at Hesdigneul).
    pub booked_colour: BookedColour,
}

text_enum! {
    /// The colour of booked days in the Agenda; the words and the icon say it too.
    pub enum BookedColour {
        Blue = "blue",
        Red = "red",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"categories": [{"id": 1, "name": "Location de salles municipales", "procedures": [{"id": 12, "slug": "location-salle-des-fetes", "title": "Location de la salle des fêtes", "summary": "Réserver la salle des fêtes pour un événement familial ou associatif."}]}]})))]
pub struct Catalogue {
    pub categories: Vec<Category>,
}

/// A service: a thematic group of procedures ("Enfance / Jeunesse").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 2, "name": "Vie associative et loisirs", "procedures": [{"id": 3, "slug": "location-salle-des-fetes", "title": "Location de la salle des fêtes", "summary": "Réserver la salle des fêtes pour un événement familial ou associatif."}]})))]
pub struct Category {
    pub id: CategoryId,
    pub name: String,
    pub procedures: Vec<ProcedureSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 3, "slug": "location-salle-des-fetes", "title": "Location de la salle des fêtes", "summary": "Réserver la salle des fêtes pour un événement familial ou associatif."})))]
pub struct ProcedureSummary {
    pub id: ProcedureId,
    /// Stable identifier used in URLs, e.g. `fiche-enfant`.
    pub slug: String,
    pub title: String,
    pub summary: String,
}

/// A procedure's public description page, with its form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 3, "slug": "location-salle-des-fetes", "title": "Location de la salle des fêtes", "summary": "Réserver la salle des fêtes pour un événement familial ou associatif.", "description": "La salle des fêtes accueille jusqu'à 150 personnes.", "category": "Vie associative et loisirs", "kind": "generic", "duration_minutes": 5, "terms": "J'ai pris connaissance du règlement de la salle des fêtes et je m'engage à le respecter.", "form": {"steps": [{"title": "Votre événement", "fields": [{"name": "event_date", "label": "Date de l'événement", "kind": "date", "required": true, "dates": "upcoming"}, {"name": "guests", "label": "Nombre de personnes attendues", "kind": "number", "required": true, "min": 1, "max": 150}]}]}})))]
pub struct Procedure {
    pub id: ProcedureId,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category: String,
    /// The description page; paragraphs separated by blank lines.
    pub description: String,
    /// "Temps estimé", in minutes.
    pub duration_minutes: Option<i32>,
    /// Terms to accept before starting, if any.
    pub terms: Option<String>,
    pub kind: ProcedureKind,
    pub form: crate::request::FormDefinition,
}

text_enum! {
    /// What accepting a request of this procedure does besides closing it.
    pub enum ProcedureKind {
        /// Nothing more.
        Generic = "generic",
        /// Applies the answers to the civil data of the person concerned (or the holder).
        PersonalDataUpdate = "personal_data_update",
        /// Applies the answers to the household's social data.
        SocialDataUpdate = "social_data_update",
        /// Adds a person (child or partner) to the household with their relation.
        HouseholdMemberAddition = "household_member_addition",
        /// "Fiche enfant": adds (or finds) the child, records the school enrolment and
        /// enrols the child in the activities chosen for the school year.
        ChildRegistration = "child_registration",
    }
}

impl Catalogue {
    /// The categories and procedures whose title matches every word of `query`,
    /// ignoring case and accents; a category whose name matches keeps all its procedures.
    pub fn filter(&self, query: &str) -> Catalogue {
        let words: Vec<String> = query.split_whitespace().map(crate::text::fold).collect();
        if words.is_empty() {
            return self.clone();
        }
        let matches = |text: &str| {
            let text = crate::text::fold(text);
            words.iter().all(|w| text.contains(w.as_str()))
        };
        let categories = self
            .categories
            .iter()
            .filter_map(|category| {
                if matches(&category.name) {
                    return Some(category.clone());
                }
                let procedures: Vec<ProcedureSummary> = category
                    .procedures
                    .iter()
                    .filter(|p| matches(&p.title) || matches(&p.summary))
                    .cloned()
                    .collect();
                (!procedures.is_empty()).then(|| Category {
                    procedures,
                    ..category.clone()
                })
            })
            .collect();
        Catalogue { categories }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        let p = |id, title: &str| ProcedureSummary {
            id: ProcedureId(id),
            slug: format!("p{id}"),
            title: title.into(),
            summary: String::new(),
        };
        Catalogue {
            categories: vec![
                Category {
                    id: CategoryId(1),
                    name: "Enfance / Jeunesse".into(),
                    procedures: vec![p(1, "Fiche enfant"), p(2, "Réservation Cantine")],
                },
                Category {
                    id: CategoryId(2),
                    name: "Location de salles municipales".into(),
                    procedures: vec![p(3, "Location de la salle des fêtes")],
                },
            ],
        }
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let found = catalogue().filter("fetes");
        assert_eq!(found.categories.len(), 1);
        assert_eq!(
            found.categories[0].procedures[0].title,
            "Location de la salle des fêtes"
        );
        let found = catalogue().filter("RESERVATION");
        assert_eq!(found.categories[0].procedures.len(), 1);
    }

    #[test]
    fn a_matching_category_keeps_its_procedures_and_no_match_is_empty() {
        assert_eq!(
            catalogue().filter("enfance").categories[0].procedures.len(),
            2
        );
        assert!(catalogue().filter("piscine").categories.is_empty());
        assert_eq!(catalogue().filter("  ").categories.len(), 2);
    }
}
