//! Town-hall staff accounts (agents and admins), created by an admin or by the
//! `guichet create-admin` command; they set their own password through an e-mailed link.

use crate::ids::AccountId;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::account::AccountStatus;
use crate::auth::Role;
use crate::civility::Civility;
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
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 3, "login": "anne.leroy", "email": "a.leroy@mairie-quievrechain.fr", "civility": "madame", "first_name": "Anne", "birth_name": "Leroy", "role": "agent", "status": "active"})))]
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
}

impl StaffMember {
    /// "Anne LEROY".
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.birth_name.to_uppercase())
    }
}
