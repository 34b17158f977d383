//! Account creation ("Création de compte particulier") and activation.

use crate::text_enum::text_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

text_enum! {
    /// Where an account stands.
    pub enum AccountStatus {
        /// Registered; the activation link has not been used yet.
        Pending = "pending",
        /// Activated: the person can log in.
        Active = "active",
        /// Disabled by an administrator (an agent who left): no login, no session.
        Disabled = "disabled",
    }
}

text_enum! {
    /// What a link sent by mail is for.
    pub enum TokenPurpose {
        Activation = "activation",
        PasswordReset = "password_reset",
        EmailChange = "email_change",
    }
}

use crate::captcha::CaptchaAnswer;
use crate::civility::Civility;
use crate::validation;

/// The identity form of "Création de compte", with the captcha and the consents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[validate(schema(
    function = "department_when_born_in_france",
    skip_on_field_errors = false
))]
#[cfg_attr(feature = "openapi", schema(example = json!({"civility": "monsieur", "birth_name": "Dupin", "first_name": "Pascal", "second_first_name": null, "third_first_name": null, "birth_date": "1984-05-17", "birth_country": "France", "birth_city": "Valenciennes", "birth_department": "59", "email": "dupin@yopmail.com", "terms_accepted": true, "privacy_consent": true, "captcha": {"id": "b3k9x2", "answer": "4127"}})))]
pub struct RegistrationRequest {
    pub civility: Civility,
    /// Nom de naissance.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 80, example = "Dupin")
    )]
    #[validate(custom(function = "validation::person_name"))]
    pub birth_name: String,
    /// Prénom.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 80, example = "Dupin")
    )]
    #[validate(custom(function = "validation::person_name"))]
    pub first_name: String,
    /// 2nd prénom.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    #[validate(custom(function = "validation::optional_person_name"))]
    pub second_first_name: Option<String>,
    /// 3ème prénom.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    #[validate(custom(function = "validation::optional_person_name"))]
    pub third_first_name: Option<String>,
    /// Date de naissance (not in the future, from 1900 on).
    #[validate(custom(function = "past_birth_date"))]
    pub birth_date: NaiveDate,
    /// Pays de naissance.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(custom(function = "validation::place"))]
    pub birth_country: String,
    /// Commune de naissance.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(custom(function = "validation::place"))]
    pub birth_city: String,
    /// Département de naissance: required when born in France.
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^(|0[1-9]|[1-8][0-9]|9[0-5]|99|2[AaBb]|97[1-6])$")
    )]
    #[validate(custom(function = "validation::department"))]
    pub birth_department: Option<String>,
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254, example = "dupin@yopmail.com"))]
    #[validate(custom(function = "validation::email"))]
    pub email: String,
    /// "J'accepte les conditions générales d'utilisation du site": must be true.
    #[validate(custom(function = "validation::must_be_true"))]
    pub terms_accepted: bool,
    /// Consent to the processing of personal data (RGPD): must be true.
    #[validate(custom(function = "validation::must_be_true"))]
    pub privacy_consent: bool,
    #[validate(nested)]
    pub captcha: CaptchaAnswer,
}

impl RegistrationRequest {
    pub fn born_in_france(&self) -> bool {
        crate::text::slug_part(&self.birth_country) == "france"
    }
}

fn department_when_born_in_france(r: &RegistrationRequest) -> Result<(), ValidationError> {
    let missing = r
        .birth_department
        .as_deref()
        .is_none_or(|d| d.trim().is_empty());
    if r.born_in_france() && missing {
        Err(validation::error_on("birth_department", "required"))
    } else {
        Ok(())
    }
}

fn past_birth_date(date: &NaiveDate) -> Result<(), ValidationError> {
    validation::birth_date(*date, chrono::Utc::now().date_naive())
}

/// Answer to a registration: the same whether or not the address already had an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "dupin@yopmail.com", "message": "Votre demande a bien été enregistrée. Un courriel vient d'être envoyé à dupin@yopmail.com : cliquez sur le lien qu'il contient pour activer votre compte."})))]
pub struct RegistrationAccepted {
    pub email: String,
    pub message: String,
}

/// What the activation page shows before the person chooses a login and a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"first_name": "Pascal", "birth_name": "Dupin", "email": "dupin@yopmail.com", "suggested_login": "pascal.dupin"})))]
pub struct ActivationInfo {
    pub first_name: String,
    pub birth_name: String,
    pub email: String,
    /// `prénom.nom`, with a numeric suffix when already taken.
    pub suggested_login: String,
}

/// "Votre identifiant de connexion", "Mot de passe", "Répéter votre mot de passe".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[validate(schema(function = "activation_passwords_match", skip_on_field_errors = false))]
#[cfg_attr(feature = "openapi", schema(example = json!({"login": "pascal.dupin", "password": "Soleil!2026x", "password_confirmation": "Soleil!2026x", "refresh_token_delivery": "body"})))]
pub struct ActivationRequest {
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 3,
            max_length = 60,
            pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
            example = "pascal.dupin"
        )
    )]
    #[validate(custom(function = "validation::login"))]
    pub login: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128, format = Password))]
    #[validate(custom(function = "validation::password"))]
    pub password: String,
    pub password_confirmation: String,
    /// As for login: where the session's refresh token goes.
    #[serde(default)]
    pub refresh_token_delivery: crate::auth::RefreshTokenDelivery,
}

fn activation_passwords_match(r: &ActivationRequest) -> Result<(), ValidationError> {
    passwords_match(&r.password, &r.password_confirmation)
}

pub(crate) fn passwords_match(password: &str, confirmation: &str) -> Result<(), ValidationError> {
    if password == confirmation {
        Ok(())
    } else {
        Err(validation::error_on(
            "password_confirmation",
            "password_mismatch",
        ))
    }
}
