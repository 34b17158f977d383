//! Town-hall staff accounts (agents and admins), created by an admin or by the
//! `guichet create-admin` command; they set their own password through an e-mailed link.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::auth::Role;
use crate::civility::Civility;
use crate::validation;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewStaff {
    pub civility: Civility,
    #[validate(custom(function = "validation::person_name"))]
    pub first_name: String,
    #[validate(custom(function = "validation::person_name"))]
    pub birth_name: String,
    #[validate(custom(function = "validation::email"))]
    pub email: String,
    /// `agent` or `admin`.
    pub role: Role,
}

/// The created account; the password link went to its e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCreated {
    pub id: i64,
    pub login: String,
    pub email: String,
    pub role: Role,
}
