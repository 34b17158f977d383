//! Town-hall staff accounts (agents and admins), created by an admin or by the
//! `guichet create-admin` command; they set their own password through an e-mailed link.

use crate::ids::{AccountId, HouseholdId, RequestId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::account::AccountStatus;
use crate::auth::Role;
use crate::civility::Civility;
use crate::text_enum::text_enum;
use crate::validation;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"civility": "madame", "first_name": "Anne", "birth_name": "Leroy", "email": "a.leroy@mairie-quievrechain.fr", "role": "agent"})))]
pub struct NewStaff {
    pub civility: Civility,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 80, example = "Dupin")
    )]
    #[validate(custom(function = "validation::person_name"))]
    pub first_name: String,
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 80, example = "Dupin")
    )]
    #[validate(custom(function = "validation::person_name"))]
    pub birth_name: String,
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254, example = "dupin@yopmail.com"))]
    #[validate(custom(function = "validation::email"))]
    pub email: String,
    /// `agent` or `admin`.
    pub role: Role,
}

/// The created account; the password link went to its e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 3, "login": "anne.leroy", "email": "a.leroy@mairie-quievrechain.fr", "role": "agent"})))]
pub struct StaffCreated {
    pub id: AccountId,
    pub login: String,
    pub email: String,
    pub role: Role,
}

/// A staff account as "Comptes des agents" lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 3, "login": "anne.leroy", "email": "a.leroy@mairie-quievrechain.fr", "civility": "madame", "first_name": "Anne", "birth_name": "Leroy", "role": "agent", "status": "active", "permissions": ["health"]})))]
pub struct StaffMember {
    pub id: AccountId,
    pub login: String,
    pub email: String,
    pub civility: Civility,
    pub first_name: String,
    pub birth_name: String,
    pub role: Role,
    /// `active`, or `disabled` (no login, no session).
    pub status: AccountStatus,
    /// What an admin allowed it beyond its role (`health`).
    pub permissions: Vec<StaffPermission>,
}

impl StaffMember {
    /// "Anne LEROY".
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.birth_name.to_uppercase())
    }
}

text_enum! {
    /// What an admin may allow a staff account beyond its role.
    pub enum StaffPermission {
        /// Reading the children's health information (RGPD art. 9): vaccinations,
        /// allergies, treatment, doctor, PAI. Every reading is logged.
        Health = "health",
    }
}

text_enum! {
    /// Where an agent was shown health information.
    pub enum HealthAccessContext {
        /// A request's answers (the fiche enfant).
        Request = "request",
        /// The household's profile (the children's recorded health information).
        Household = "household",
        /// The file of a document that is health information (the vaccination pages).
        Document = "document",
        /// The PAI and health flags of an agenda list (a unit's day).
        Roster = "roster",
    }
}

/// One line of "Journal des accès aux données de santé".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"accessed_at": "2026-09-03T08:15:00Z", "agent_id": 3, "agent": "Anne LEROY", "household_id": 12, "household": "DUPIN Pascal", "request_id": 141, "context": "request"})))]
pub struct HealthAccess {
    pub accessed_at: DateTime<Utc>,
    pub agent_id: AccountId,
    /// "Anne LEROY".
    pub agent: String,
    pub household_id: HouseholdId,
    /// The household's account holder, "DUPIN Pascal".
    pub household: String,
    /// The request whose answers were shown (`context` = `request`).
    pub request_id: Option<RequestId>,
    pub context: HealthAccessContext,
}

/// Filter of "Journal des accès aux données de santé".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct HealthAccessFilter {
    /// Only the accesses to this household's health information.
    pub household_id: Option<HouseholdId>,
}
