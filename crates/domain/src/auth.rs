//! Login, sessions, forgotten login or password.

use crate::ids::AccountId;
use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use crate::account::passwords_match;
use crate::civility::Civility;
use crate::validation;

text_enum! {
    pub enum Role {
        Citizen = "citizen",
        Agent = "agent",
        Admin = "admin",
    }
}

/// "Me connecter": identifiant and mot de passe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"login": "pascal.dupin", "password": "Soleil!2026x", "refresh_token_delivery": "body"})))]
pub struct LoginRequest {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 254, example = "pascal.dupin")
    )]
    #[validate(custom(function = "validation::identifier"))]
    pub login: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, format = Password))]
    #[validate(custom(function = "validation::password_input"))]
    pub password: String,
    /// Where the refresh token goes: in the answer (`body`, the default, for
    /// integrators) or in an HttpOnly cookie the page's scripts cannot read (`cookie`,
    /// what the portal's own pages ask for).
    #[serde(default)]
    pub refresh_token_delivery: RefreshTokenDelivery,
}

/// Where a new refresh token is handed over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RefreshTokenDelivery {
    /// `refresh_token` in the JSON answer.
    #[default]
    Body,
    /// The `guichet_refresh` cookie (HttpOnly, SameSite=Strict, path `/api/auth`);
    /// `refresh_token` is then left out of the answer.
    Cookie,
}

/// The signed-in person, as the header shows it ("Bonjour Prénom NOM").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 42, "login": "pascal.dupin", "email": "dupin@yopmail.com", "civility": "monsieur", "first_name": "Pascal", "birth_name": "Dupin", "role": "citizen"})))]
pub struct Me {
    pub id: AccountId,
    pub login: String,
    pub email: String,
    pub civility: Civility,
    pub first_name: String,
    pub birth_name: String,
    pub role: Role,
}

impl Me {
    /// "Prénom NOM".
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.birth_name.to_uppercase())
    }
}

/// Tokens returned by login, activation and refresh.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"access_token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl", "token_type": "Bearer", "expires_in": 900, "refresh_token": "q4N1c8hXo2ZlW0v7yR3tUe9sKp6aBmDf", "account": {"id": 42, "login": "pascal.dupin", "email": "dupin@yopmail.com", "civility": "monsieur", "first_name": "Pascal", "birth_name": "Dupin", "role": "citizen"}})))]
pub struct Session {
    /// Short-lived JWT to send as `Authorization: Bearer <token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token, in seconds.
    pub expires_in: i64,
    /// Opaque token exchanged once at `POST /api/auth/refresh` for new tokens. Absent
    /// when it was set as the `guichet_refresh` cookie instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    pub account: Me,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"refresh_token": "q4N1c8hXo2ZlW0v7yR3tUe9sKp6aBmDf"})))]
pub struct RefreshRequest {
    /// The refresh token received in a `body` delivery. Leave it out to use the
    /// `guichet_refresh` cookie of a `cookie` delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    #[validate(length(min = 1, max = 200, code = "required"))]
    pub refresh_token: Option<String>,
}

/// "Mon identifiant": the login is sent to this address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "dupin@yopmail.com"})))]
pub struct ForgottenLoginRequest {
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254, example = "dupin@yopmail.com"))]
    #[validate(custom(function = "validation::email"))]
    pub email: String,
}

/// "Mon mot de passe": the e-mail address or the login of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"identifier": "pascal.dupin"})))]
pub struct ForgottenPasswordRequest {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 254, example = "pascal.dupin")
    )]
    #[validate(custom(function = "validation::identifier"))]
    pub identifier: String,
}

/// A request was taken into account; the answer does not tell whether an account exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"message": "Si un compte correspond, un courriel vient de lui être envoyé."})))]
pub struct Accepted {
    pub message: String,
}

/// What the reset page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"login": "pascal.dupin"})))]
pub struct PasswordResetInfo {
    pub login: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[validate(schema(function = "reset_passwords_match", skip_on_field_errors = false))]
#[cfg_attr(feature = "openapi", schema(example = json!({"password": "Soleil!2026x", "password_confirmation": "Soleil!2026x"})))]
pub struct PasswordResetRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128, format = Password))]
    #[validate(custom(function = "validation::password"))]
    pub password: String,
    pub password_confirmation: String,
}

fn reset_passwords_match(r: &PasswordResetRequest) -> Result<(), ValidationError> {
    passwords_match(&r.password, &r.password_confirmation)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[validate(schema(function = "change_passwords_match", skip_on_field_errors = false))]
#[cfg_attr(feature = "openapi", schema(example = json!({"current_password": "Soleil!2026x", "password": "Marée+Haute7", "password_confirmation": "Marée+Haute7"})))]
pub struct PasswordChangeRequest {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, format = Password))]
    #[validate(custom(function = "validation::password_input"))]
    pub current_password: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128, format = Password))]
    #[validate(custom(function = "validation::password"))]
    pub password: String,
    pub password_confirmation: String,
}

fn change_passwords_match(r: &PasswordChangeRequest) -> Result<(), ValidationError> {
    passwords_match(&r.password, &r.password_confirmation)
}
