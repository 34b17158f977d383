//! "Mon profil": the cards of the manuals, and the changes a citizen makes directly
//! (contacts and addresses). Civil data, social data and household composition change
//! through requests to the town hall.

use crate::ids::{AddressId, EnrolmentId, PersonId};
use crate::text_enum::text_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

pub use crate::child_records::{
    ActivityEnrolment, ChildAuthorisation, ChildContactLine, ChildHealthLine, ChildTransport,
};
use crate::civility::Civility;
use crate::validation;

/// "Mes données civiles".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"civility": "monsieur", "first_name": "Pascal", "second_first_name": null, "third_first_name": null, "birth_name": "Dupin", "usage_name": null, "birth_date": "1984-03-17", "birth_country": "France", "birth_city": "Valenciennes", "birth_department": "59"})))]
pub struct CivilData {
    pub civility: Civility,
    pub birth_name: String,
    /// Nom d'usage.
    pub usage_name: Option<String>,
    pub first_name: String,
    pub second_first_name: Option<String>,
    pub third_first_name: Option<String>,
    pub birth_date: NaiveDate,
    pub birth_country: String,
    pub birth_city: String,
    pub birth_department: Option<String>,
}

/// "Mes données sociales" (of the household). Amounts are in cents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"regime": "Régime général", "caf_number": "1234567", "caf_holder_name": "DUPIN Pascal", "dependent_children": 2, "family_composition": "Couple avec enfants", "family_quotient": 612, "quotient": 612, "reference_tax_income": 3150000, "monthly_income": 285000})))]
pub struct SocialData {
    pub regime: Option<String>,
    /// Revenu fiscal de référence, in cents.
    pub reference_tax_income: Option<i64>,
    /// Nombre d'enfant(s) à charge.
    pub dependent_children: Option<i32>,
    /// Nom de l'allocataire.
    pub caf_holder_name: Option<String>,
    /// Numéro d'allocataire.
    pub caf_number: Option<String>,
    pub quotient: Option<i32>,
    /// Ressources mensuelles, in cents.
    pub monthly_income: Option<i64>,
    pub family_composition: Option<String>,
    pub family_quotient: Option<i32>,
}

/// "Mes informations de contact".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "pascal.dupin@exemple.fr", "landline": null, "mobile": "0612345678", "work_phone": null})))]
pub struct Contacts {
    /// Téléphone fixe.
    pub landline: Option<String>,
    /// Téléphone portable.
    pub mobile: Option<String>,
    /// Téléphone professionnel.
    pub work_phone: Option<String>,
    /// Courriel (the account's address).
    pub email: String,
}

/// New phone numbers; an empty or missing number clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"landline": "03 27 45 12 34", "mobile": "06 12 34 56 78", "work_phone": null})))]
pub struct ContactsInput {
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 30,
            pattern = r"^[0-9 +().-]*$",
            example = "06 12 34 56 78"
        )
    )]
    #[validate(custom(function = "optional_phone"))]
    pub landline: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 30,
            pattern = r"^[0-9 +().-]*$",
            example = "06 12 34 56 78"
        )
    )]
    #[validate(custom(function = "optional_phone"))]
    pub mobile: Option<String>,
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 30,
            pattern = r"^[0-9 +().-]*$",
            example = "06 12 34 56 78"
        )
    )]
    #[validate(custom(function = "optional_phone"))]
    pub work_phone: Option<String>,
}

fn optional_phone(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Ok(());
    }
    crate::phone::normalise(value)
        .map(|_| ())
        .map_err(validation::error)
}

/// A new e-mail address, confirmed by a link sent to it; the password proves it is you.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "pascal.dupin@exemple.fr", "current_password": "Soleil!2026x"})))]
pub struct EmailChangeRequest {
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254, example = "dupin@yopmail.com"))]
    #[validate(custom(function = "validation::email"))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, format = Password))]
    #[validate(custom(function = "validation::password_input"))]
    pub current_password: String,
}

/// One of "Mes adresses".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 12, "name": "Principale", "country": "France", "city": "Quiévrechain", "postal_code": "59920", "street_number": "12", "street_number_complement": null, "street": "rue Jean Jaurès", "street_complement": null, "is_default": true})))]
pub struct Address {
    pub id: AddressId,
    /// "Adresse principale", "Adresse secondaire"...
    pub name: String,
    pub country: String,
    pub city: String,
    pub postal_code: String,
    /// Numéro de voie.
    pub street_number: Option<String>,
    /// Complément de n° (bis, ter...).
    pub street_number_complement: Option<String>,
    /// Type et nom de la voie.
    pub street: String,
    /// Complément de voie.
    pub street_complement: Option<String>,
    /// The address used by default.
    pub is_default: bool,
}

/// "Ajouter une adresse" / change an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[validate(schema(function = "french_postal_code", skip_on_field_errors = false))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Domicile", "country": "France", "city": "Quiévrechain", "postal_code": "59920", "street_number": "12", "street_number_complement": "bis", "street": "rue Jean Jaurès", "street_complement": null, "is_default": true})))]
pub struct AddressInput {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50))]
    #[validate(custom(function = "short_text"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(custom(function = "validation::place"))]
    pub country: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(custom(function = "validation::place"))]
    pub city: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50))]
    #[validate(custom(function = "short_text"))]
    pub postal_code: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 50))]
    #[validate(custom(function = "optional_short_text"))]
    pub street_number: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 50))]
    #[validate(custom(function = "optional_short_text"))]
    pub street_number_complement: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(custom(function = "validation::place"))]
    pub street: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    #[validate(custom(function = "optional_place"))]
    pub street_complement: Option<String>,
    /// Make this the default address (the first address always is).
    #[serde(default)]
    pub is_default: bool,
}

impl AddressInput {
    pub fn in_france(&self) -> bool {
        crate::text::slug_part(&self.country) == "france"
    }
}

fn short_text(value: &str) -> Result<(), ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        Err(validation::error("required"))
    } else if trimmed.chars().count() > 50 {
        Err(validation::error("too_long"))
    } else if crate::text::has_control_chars(trimmed) {
        Err(validation::error("invalid_characters"))
    } else {
        Ok(())
    }
}

fn optional_short_text(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Ok(())
    } else {
        short_text(value)
    }
}

fn optional_place(value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Ok(())
    } else {
        validation::place(value)
    }
}

fn french_postal_code(a: &AddressInput) -> Result<(), ValidationError> {
    let code = a.postal_code.trim();
    if a.in_france()
        && !code.is_empty()
        && !(code.len() == 5 && code.chars().all(|c| c.is_ascii_digit()))
    {
        Err(validation::error_on("postal_code", "invalid_postal_code"))
    } else {
        Ok(())
    }
}

text_enum! {
    pub enum MemberRole {
        /// Titulaire du compte.
        AccountHolder = "account_holder",
        Adult = "adult",
        Child = "child",
    }
}

/// A person of "Mon foyer".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 5, "role": "child", "first_name": "Éric", "birth_name": "Dupin"})))]
pub struct Member {
    pub person_id: PersonId,
    pub first_name: String,
    pub birth_name: String,
    pub role: MemberRole,
}

impl Member {
    /// "DUPIN Pascal", as the manuals list people.
    pub fn display_name(&self) -> String {
        format!("{} {}", self.birth_name.to_uppercase(), self.first_name)
    }
}

text_enum! {
    pub enum RelationRole {
        /// Responsable légal.
        LegalGuardian = "legal_guardian",
        /// Conjoint.
        Partner = "partner",
        /// Enfant.
        Child = "child",
        /// Autre.
        Other = "other",
    }
}

impl RelationRole {
    pub fn label(self) -> &'static str {
        match self {
            RelationRole::LegalGuardian => "Responsable légal",
            RelationRole::Partner => "Conjoint",
            RelationRole::Child => "Enfant",
            RelationRole::Other => "Autre",
        }
    }
}

/// "Rôles / Relations": `person` is `role` of `related_person`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"person_id": 3, "person_name": "DUPIN Pascal", "related_person_id": 5, "related_person_name": "DUPIN Éric", "role": "legal_guardian"})))]
pub struct Relation {
    pub person_id: PersonId,
    pub person_name: String,
    pub role: RelationRole,
    pub related_person_id: PersonId,
    pub related_person_name: String,
}

/// A line of "Enfants scolarisés du foyer".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 2, "person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "establishment": "École Jules Ferry", "level": "CE2", "class_name": "CE2 B"})))]
pub struct SchoolEnrolment {
    pub id: EnrolmentId,
    pub person_id: PersonId,
    pub child_name: String,
    /// e.g. `2026-2027`.
    pub school_year: String,
    pub establishment: String,
    pub level: String,
    pub class_name: Option<String>,
}

/// A school enrolment recorded by the town hall.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"school_year": "2026-2027", "establishment": "École primaire Jules Ferry", "level": "CE1", "class_name": "CE1 B"})))]
pub struct SchoolEnrolmentInput {
    /// `2026-2027`.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^20[0-9]{2}-20[0-9]{2}$", example = "2026-2027")
    )]
    #[validate(custom(function = "school_year"))]
    pub school_year: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(custom(function = "validation::place"))]
    pub establishment: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50))]
    #[validate(custom(function = "short_text"))]
    pub level: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 50))]
    #[validate(custom(function = "optional_short_text"))]
    pub class_name: Option<String>,
}

/// `YYYY-YYYY` with consecutive years.
fn school_year(value: &str) -> Result<(), ValidationError> {
    let years: Vec<Option<i32>> = value.trim().split('-').map(|y| y.parse().ok()).collect();
    match years.as_slice() {
        [Some(a), Some(b)] if (2000..2100).contains(a) && *b == a + 1 => Ok(()),
        _ => Err(validation::error("invalid_school_year")),
    }
}

/// The whole profile page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"civil": {"civility": "monsieur", "first_name": "Pascal", "second_first_name": null, "third_first_name": null, "birth_name": "Dupin", "usage_name": null, "birth_date": "1984-03-17", "birth_country": "France", "birth_city": "Valenciennes", "birth_department": "59"}, "contacts": {"email": "pascal.dupin@exemple.fr", "landline": null, "mobile": "0612345678", "work_phone": null}, "addresses": [{"id": 12, "name": "Principale", "country": "France", "city": "Quiévrechain", "postal_code": "59920", "street_number": "12", "street_number_complement": null, "street": "rue Jean Jaurès", "street_complement": null, "is_default": true}], "household": [{"person_id": 3, "role": "account_holder", "first_name": "Pascal", "birth_name": "Dupin"}, {"person_id": 5, "role": "child", "first_name": "Éric", "birth_name": "Dupin"}], "relations": [{"person_id": 3, "person_name": "DUPIN Pascal", "related_person_id": 5, "related_person_name": "DUPIN Éric", "role": "legal_guardian"}], "social": {"regime": "Régime général", "caf_number": "1234567", "caf_holder_name": "DUPIN Pascal", "dependent_children": 2, "family_composition": "Couple avec enfants", "family_quotient": 612, "quotient": 612, "reference_tax_income": 3150000, "monthly_income": 285000}, "schooled_children": [{"id": 2, "person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "establishment": "École Jules Ferry", "level": "CE2", "class_name": "CE2 B"}], "activities": [{"person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "activity": "restauration-scolaire", "activity_name": "Restauration scolaire"}], "child_contacts": [{"person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "last_name": "MARTIN", "first_name": "Odile", "relation": "Grand-mère", "phone": "0612345678", "other_phone": null, "pickup": true, "emergency": true}], "authorisations": [{"person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "code": "photos", "wording": "J'autorise la prise de photographies de mon enfant lors des activités", "granted": true, "given_at": "2026-09-02T08:15:00Z"}], "transports": [{"person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "morning": true, "evening": false}], "health": [{"person_id": 5, "child_name": "DUPIN Éric", "school_year": "2026-2027", "code": "allergies", "label": "Mon enfant a des allergies", "value": "Non"}], "health_withheld": false})))]
pub struct Profile {
    pub civil: CivilData,
    pub social: SocialData,
    pub contacts: Contacts,
    pub addresses: Vec<Address>,
    /// "Mon foyer": adults (the account holder first) and children.
    pub household: Vec<Member>,
    pub schooled_children: Vec<SchoolEnrolment>,
    /// "Inscriptions aux activités", latest school year first.
    pub activities: Vec<ActivityEnrolment>,
    /// Persons to contact and/or authorised to pick the children up, latest school year
    /// first.
    pub child_contacts: Vec<ChildContactLine>,
    /// The children's authorisations, latest school year first.
    pub authorisations: Vec<ChildAuthorisation>,
    /// The children's school transport, latest school year first.
    pub transports: Vec<ChildTransport>,
    /// The children's health information, latest school year first: the household's
    /// own, and agents with the health permission (each reading logged).
    pub health: Vec<ChildHealthLine>,
    /// There is health information this agent may not read (no health permission).
    pub health_withheld: bool,
    pub relations: Vec<Relation>,
}
