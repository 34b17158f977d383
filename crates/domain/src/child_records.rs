//! What the town hall records on a child once its fiche enfant is accepted, as the
//! profile shows it: activity enrolments, persons to contact, authorisations, school
//! transport, health information, each for a school year.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::PersonId;
use crate::request::form::ChildContact;

/// A line of "Inscriptions aux activités": what the child may be booked for in the
/// Agenda that school year (recorded when the town hall accepted the fiche enfant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "activity": "restauration-scolaire", "activity_name": "Restauration scolaire"})))]
pub struct ActivityEnrolment {
    pub person_id: PersonId,
    pub child_name: String,
    /// e.g. `2026-2027`.
    pub school_year: String,
    /// The commune's code of the activity.
    pub activity: String,
    pub activity_name: String,
}

/// A person to contact about a child and/or authorised to pick it up, from the child's
/// accepted fiche for that school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "last_name": "MARTIN", "first_name": "Odile", "relation": "Grand-mère", "phone": "0612345678", "other_phone": null, "pickup": true, "emergency": true})))]
pub struct ChildContactLine {
    pub person_id: PersonId,
    pub child_name: String,
    pub school_year: String,
    #[serde(flatten)]
    pub contact: ChildContact,
}

/// An authorisation given (or not) for a child in its accepted fiche.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "code": "photos", "wording": "J'autorise la prise de photographies de mon enfant lors des activités", "granted": true, "given_at": "2026-09-02T08:15:00Z"})))]
pub struct ChildAuthorisation {
    pub person_id: PersonId,
    pub child_name: String,
    pub school_year: String,
    /// The fiche's field that asked it.
    pub code: String,
    /// The wording the family answered.
    pub wording: String,
    pub granted: bool,
    /// When the family gave its answer (the fiche was sent).
    pub given_at: DateTime<Utc>,
}

/// "Mon enfant emprunte les transports scolaires", as the child's accepted fiche says
/// for that school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 5, "child_name": "DUPIN Florian", "school_year": "2026-2027", "morning": true, "evening": false})))]
pub struct ChildTransport {
    pub person_id: PersonId,
    pub child_name: String,
    pub school_year: String,
    pub morning: bool,
    pub evening: bool,
}

/// A line of the child's health information (RGPD art. 9) from its accepted fiche:
/// "Allergies : Oui", "Date du dernier rappel DTP : 12/03/2024". Shown to the household,
/// and to agents with the health permission only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 5, "child_name": "DUPIN Florian", "school_year": "2026-2027", "code": "allergies_details", "label": "Précisez les allergies", "value": "Arachide"})))]
pub struct ChildHealthLine {
    pub person_id: PersonId,
    pub child_name: String,
    pub school_year: String,
    /// The fiche's field that asked it.
    pub code: String,
    pub label: String,
    /// The answer in words.
    pub value: String,
}
