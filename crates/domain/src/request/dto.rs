//! What the request endpoints take and return.

use crate::ids::{HouseholdId, PersonId, RequestId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use validator::Validate;

use super::form::{Answers, FormDefinition};
use super::status::RequestStatus;

/// A new request (saved as a draft), or new answers for one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"procedure": "location-salle-des-fetes", "person_id": null, "answers": {"event_date": "2027-06-12", "event_type": "mariage", "guests": 80, "remarks": "Tables et chaises pour 80 personnes."}})))]
pub struct RequestInput {
    /// The procedure's slug, e.g. `contacter-la-mairie`.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(length(min = 1, max = 100, code = "required"))]
    pub procedure: String,
    /// The person concerned ("Personne concernée"): a member of the household, or none.
    #[serde(default)]
    pub person_id: Option<PersonId>,
    /// Answers by field name, as the procedure's form defines them.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = std::collections::BTreeMap<String, crate::request::form::AnswerValue>)
    )]
    pub answers: Answers,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 5, "name": "DUPIN Éric"})))]
pub struct PersonRef {
    pub id: PersonId,
    /// "DUPIN Tim".
    pub name: String,
}

/// A line of "Mes demandes" and of the agents' inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 7, "number": 7, "procedure": "location-salle-des-fetes", "procedure_title": "Location de la salle des fêtes", "status": "submitted", "person": null, "requester": "DUPIN Pascal", "unread_from_family": 0, "created_at": "2026-12-01T09:30:00Z"})))]
pub struct RequestSummary {
    pub id: RequestId,
    /// Numéro: sequential in the commune.
    pub number: i64,
    pub procedure: String,
    /// Type.
    pub procedure_title: String,
    /// Date.
    pub created_at: DateTime<Utc>,
    /// Personne concernée, when it is not the requester.
    pub person: Option<PersonRef>,
    /// Demandeur: the account holder who made the request ("DUPIN Pascal").
    pub requester: String,
    /// The family's messages on it the town hall has not read yet (the agents' inbox
    /// shows them).
    pub unread_from_family: i64,
    pub status: RequestStatus,
}

impl RequestSummary {
    /// "Personne concernée" as the tables show it: the person named, else the requester.
    pub fn concerned(&self) -> String {
        self.person
            .as_ref()
            .map_or_else(|| self.requester.clone(), |p| p.name.clone())
    }
}

/// "Mes demandes": En cours and Effectuées, latest number first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"in_progress": [{"id": 7, "number": 7, "procedure": "location-salle-des-fetes", "procedure_title": "Location de la salle des fêtes", "status": "submitted", "person": null, "requester": "DUPIN Pascal", "unread_from_family": 0, "created_at": "2026-12-01T09:30:00Z"}], "done": []})))]
pub struct MyRequests {
    pub in_progress: Vec<RequestSummary>,
    pub done: Vec<RequestSummary>,
}

/// One step of a request's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"at": "2026-12-01T09:31:00Z", "by": "DUPIN Pascal", "from": "draft", "to": "submitted", "comment": null})))]
pub struct StatusChange {
    pub at: DateTime<Utc>,
    /// Who made the change ("DUPIN Pascal", or the agent's name).
    pub by: String,
    pub from: Option<RequestStatus>,
    pub to: RequestStatus,
    pub comment: Option<String>,
}

/// A request with its answers, form and history ("Voir et imprimer la demande").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"request": {"id": 7, "number": 7, "procedure": "location-salle-des-fetes", "procedure_title": "Location de la salle des fêtes", "status": "submitted", "person": null, "requester": "DUPIN Pascal", "unread_from_family": 0, "created_at": "2026-12-01T09:30:00Z"}, "household_id": 3, "requester": "DUPIN Pascal", "answers": {"event_date": "2027-06-12", "event_type": "mariage", "guests": 80}, "answer_names": {}, "withheld": [], "form": {"steps": []}, "editable": true, "submitted_at": "2026-12-01T09:31:00Z", "refusal_reason": null, "history": [{"at": "2026-12-01T09:31:00Z", "by": "DUPIN Pascal", "from": "draft", "to": "submitted", "comment": null}]})))]
pub struct RequestDetail {
    pub request: RequestSummary,
    /// The household that made it (agents open it read-only).
    pub household_id: HouseholdId,
    /// The account holder who made it.
    pub requester: String,
    pub submitted_at: Option<DateTime<Utc>>,
    #[cfg_attr(
        feature = "openapi",
        schema(value_type = std::collections::BTreeMap<String, crate::request::form::AnswerValue>)
    )]
    pub answers: Answers,
    /// How the answers that name the household's own people and addresses by id read
    /// ("DUPIN Pascal", "Adresse principale : 12 rue…"), by field.
    pub answer_names: BTreeMap<String, String>,
    /// The health answers (RGPD art. 9) left out of `answers` because this agent has no
    /// health permission, by field name.
    pub withheld: Vec<String>,
    pub form: FormDefinition,
    pub history: Vec<StatusChange>,
    /// Why it was refused.
    pub refusal_reason: Option<String>,
    /// The citizen may still change or (drafts) delete it.
    pub editable: bool,
}

/// Filters of the agents' inbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct RequestFilter {
    pub status: Option<RequestStatus>,
    /// Procedure slug.
    pub procedure: Option<String>,
    /// Created on or after this day (Europe/Paris).
    #[validate(custom(function = "filter_date"))]
    pub from: Option<NaiveDate>,
    /// Created on or before this day (Europe/Paris).
    #[validate(custom(function = "filter_date"))]
    pub to: Option<NaiveDate>,
    /// Part of the concerned person's or requester's name.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    #[validate(length(max = 100, code = "too_long"))]
    pub person: Option<String>,
    /// From 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1))]
    #[validate(range(min = 1, code = "invalid_value"))]
    pub page: Option<u32>,
    /// 1 to 100; 25 by default.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[validate(range(min = 1, max = 100, code = "invalid_value"))]
    pub per_page: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"items": [{"id": 7, "number": 7, "procedure": "location-salle-des-fetes", "procedure_title": "Location de la salle des fêtes", "status": "submitted", "person": null, "requester": "DUPIN Pascal", "unread_from_family": 0, "created_at": "2026-12-01T09:30:00Z"}], "page": 1, "per_page": 25, "total": 1})))]
pub struct RequestPage {
    pub items: Vec<RequestSummary>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// A comment, an acceptance note or a refusal reason written by an agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"text": "Merci de nous faire parvenir le carnet de vaccination DT Polio."})))]
pub struct AgentNote {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    #[validate(custom(function = "note"))]
    pub text: String,
}

/// An agent's correction of one answer before deciding, with its reason (kept in the
/// request's history). `value` is the new answer, of the field's type; `null` removes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"field": "level", "value": "CE1", "reason": "L'école nous indique que l'enfant passe en CE1."})))]
pub struct AnswerCorrection {
    /// The name of the form's field.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    #[validate(length(min = 1, max = 64, code = "invalid_value"))]
    pub field: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<super::form::AnswerValue>))]
    pub value: serde_json::Value,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4000))]
    #[validate(custom(function = "note"))]
    pub reason: String,
}

/// A required note of at most 4 000 characters, without control or bidi-override characters.
pub fn note(value: &str) -> Result<(), validator::ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        Err(crate::validation::error("required"))
    } else {
        optional_note(trimmed)
    }
}

/// A note of at most 4 000 characters, without control or bidi-override characters.
fn optional_note(value: &str) -> Result<(), validator::ValidationError> {
    if value.trim().chars().count() > 4000 {
        Err(crate::validation::error("too_long"))
    } else if crate::text::has_control_chars(value) || crate::text::has_bidi_controls(value) {
        Err(crate::validation::error("invalid_characters"))
    } else {
        Ok(())
    }
}

/// Days the inbox can be filtered on: 1900 to 2100.
fn filter_date(date: &NaiveDate) -> Result<(), validator::ValidationError> {
    use chrono::Datelike;
    if (1900..=2100).contains(&date.year()) {
        Ok(())
    } else {
        Err(crate::validation::error("invalid_date"))
    }
}

/// Acceptance: an optional note to the citizen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"comment": "Votre réservation est confirmée."})))]
pub struct Acceptance {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    #[validate(custom(function = "optional_note"))]
    pub comment: Option<String>,
}
