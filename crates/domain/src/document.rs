//! Justificatifs: the types of documents a commune asks for, the documents a household
//! provides, and what each open request still needs ("Mes justificatifs à fournir").

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::ids::{DocumentId, PersonId, RequestId};
use crate::text_enum::text_enum;

text_enum! {
    /// Whom a type of document is about.
    pub enum DocumentConcern {
        /// The child a request is about (its "Personne concernée").
        Child = "child",
        /// The account holder.
        Adult = "adult",
        /// The household as a whole (a proof of address).
        Household = "household",
    }
}

text_enum! {
    /// Where a provided document stands.
    pub enum DocumentStatus {
        /// "En attente de validation": uploaded, no agent has looked at it yet.
        Pending = "pending",
        /// "Valide": accepted by an agent, until `valid_until`.
        Valid = "valid",
        /// "Invalide": refused by an agent, with a reason.
        Refused = "refused",
    }
}

text_enum! {
    /// What a request needs of one document, as "Mes justificatifs à fournir" shows it.
    pub enum RequirementStatus {
        /// "Non fourni": nothing provided, or the last valid one expired.
        Missing = "missing",
        /// "En attente de validation".
        Pending = "pending",
        /// "Valide".
        Valid = "valid",
        /// "Invalide": the last one was refused; another is needed.
        Invalid = "invalid",
    }
}

text_enum! {
    /// The kinds of file accepted, decided from the content, never from the name.
    pub enum FileKind {
        Pdf = "pdf",
        Jpeg = "jpeg",
        Png = "png",
    }
}

impl FileKind {
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
        }
    }

    /// "PDF", "JPEG", "PNG".
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Jpeg => "JPEG",
            FileKind::Png => "PNG",
        }
    }

    pub fn from_mime(mime: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.mime() == mime)
    }
}

/// A file's size as people read it: "182 ko", "4,2 Mo".
pub fn size_label(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} ko", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} Mo", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
    }
}

impl DocumentStatus {
    pub fn label(self) -> &'static str {
        match self {
            DocumentStatus::Pending => "En attente de validation",
            DocumentStatus::Valid => "Valide",
            DocumentStatus::Refused => "Invalide",
        }
    }
}

impl RequirementStatus {
    pub fn label(self) -> &'static str {
        match self {
            RequirementStatus::Missing => "Non fourni",
            RequirementStatus::Pending => "En attente de validation",
            RequirementStatus::Valid => "Valide",
            RequirementStatus::Invalid => "Invalide",
        }
    }

    /// Whether the family still has something to send.
    pub fn needs_upload(self) -> bool {
        matches!(
            self,
            RequirementStatus::Missing | RequirementStatus::Invalid
        )
    }
}

/// How long a validated document stays valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Validity {
    /// A number of days from the document's date ("de moins de 3 mois": 90).
    Days(u32),
    /// Until the end of the school year (31 August) of the document's date.
    SchoolYear,
    /// Never expires.
    Unlimited,
}

impl Validity {
    /// The last day a document dated `dated` is valid; `None` when it never expires.
    pub fn until(self, dated: NaiveDate) -> Option<NaiveDate> {
        match self {
            Validity::Days(days) => dated.checked_add_days(chrono::Days::new(u64::from(days))),
            Validity::SchoolYear => {
                let year = if dated.month() >= 9 {
                    dated.year() + 1
                } else {
                    dated.year()
                };
                NaiveDate::from_ymd_opt(year, 8, 31)
            }
            Validity::Unlimited => None,
        }
    }

    /// Whether the family gives the document's date (it counts from it).
    pub fn needs_document_date(self) -> bool {
        matches!(self, Validity::Days(_))
    }

    /// "3 mois à partir de la date du document", for the upload form.
    pub fn label(self) -> String {
        match self {
            Validity::Days(days) => format!("{days} jours à partir de la date du document"),
            Validity::SchoolYear => "jusqu'à la fin de l'année scolaire".to_string(),
            Validity::Unlimited => "sans limite de durée".to_string(),
        }
    }
}

/// A type of document the commune asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"slug": "dt-polio", "name": "Carnet de vaccination DT Polio", "concern": "child", "validity": "unlimited", "formats": ["pdf", "jpeg", "png"], "max_bytes": 10485760, "health": true})))]
pub struct DocumentType {
    /// Stable key, e.g. `dt-polio`.
    pub slug: String,
    /// "Carnet de vaccination DT Polio".
    pub name: String,
    pub concern: DocumentConcern,
    pub validity: Validity,
    /// The accepted kinds of file.
    pub formats: Vec<FileKind>,
    /// The largest file accepted, in bytes.
    pub max_bytes: u64,
    /// Health information (RGPD art. 9): agents open such a file only with the health
    /// permission, and each opening is logged.
    pub health: bool,
}

/// A request that needs a document: "Fiche enfant : 51".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 51, "number": 51, "procedure_title": "Fiche enfant"})))]
pub struct RequestRef {
    pub id: RequestId,
    pub number: i64,
    pub procedure_title: String,
}

/// A document the household provided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 4, "document_type": "dt-polio", "type_name": "Carnet de vaccination DT Polio", "person_id": 5, "concerned": "MOUNIER Éric", "status": "refused", "file_kind": "pdf", "size_bytes": 182044, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "uploaded_at": "2026-12-01T09:40:00Z", "document_date": null, "valid_until": null, "refusal_reason": "Le document est illisible.", "reviewed_at": "2026-12-01T14:02:00Z"})))]
pub struct Document {
    pub id: DocumentId,
    /// The type's slug.
    pub document_type: String,
    pub type_name: String,
    /// The person it is about; none for a household document.
    pub person_id: Option<PersonId>,
    /// "MOUNIER Éric": the person, or the account holder for a household document.
    pub concerned: String,
    pub status: DocumentStatus,
    pub file_kind: FileKind,
    pub size_bytes: i64,
    /// SHA-256 of the stored file, hex.
    pub sha256: String,
    pub uploaded_at: DateTime<Utc>,
    /// The date the document bears, when its validity counts from it.
    pub document_date: Option<NaiveDate>,
    /// Last day of validity, once an agent validated it (none: unlimited or not yet).
    pub valid_until: Option<NaiveDate>,
    /// Why an agent refused it.
    pub refusal_reason: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

/// A document of "Ma bibliothèque de justificatifs", with the requests it served (those
/// closed since included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": 4, "document_type": "dt-polio", "type_name": "Carnet de vaccination DT Polio", "person_id": 5, "concerned": "MOUNIER Éric", "status": "valid", "file_kind": "pdf", "size_bytes": 182044, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "uploaded_at": "2026-12-01T09:40:00Z", "document_date": null, "valid_until": null, "refusal_reason": null, "reviewed_at": "2026-12-01T14:02:00Z", "used_by": [{"id": 51, "number": 51, "procedure_title": "Fiche enfant"}]})))]
pub struct LibraryDocument {
    #[serde(flatten)]
    pub document: Document,
    /// The requests that needed it while it was the latest provided for its type and
    /// person, open or closed since, by number.
    pub used_by: Vec<RequestRef>,
}

/// One line of "Mes justificatifs à fournir": a type of document for one person (or the
/// household), with what stands and the requests that need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"document_type": "dt-polio", "type_name": "Carnet de vaccination DT Polio", "person_id": 5, "request_id": null, "concerned": "MOUNIER Éric", "status": "missing", "document": null, "requests": [{"id": 51, "number": 51, "procedure_title": "Fiche enfant"}]})))]
pub struct RequiredDocument {
    pub document_type: String,
    pub type_name: String,
    pub person_id: Option<PersonId>,
    /// The fiche enfant whose child, not yet in the household, it is about (to upload it,
    /// send this `request_id` instead of a `person_id`).
    #[serde(default)]
    pub request_id: Option<RequestId>,
    /// "MOUNIER Éric" ("Donnée concernée" reads "<type> de <concerned>").
    pub concerned: String,
    pub status: RequirementStatus,
    /// The latest document provided for it, if any.
    pub document: Option<Document>,
    /// "Téléprocédure(s) concernée(s)".
    pub requests: Vec<RequestRef>,
}

/// Where an upload goes (query string of the upload), or the slot a message's attachment
/// is filed in (body of "file as").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"document_type": "dt-polio", "person_id": 12, "document_date": null})))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UploadFields {
    /// The type's slug.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(length(min = 1, max = 100, code = "required"))]
    pub document_type: String,
    /// The person it is about; required for a child's or an adult's document, except
    /// for the child a fiche enfant adds (see `request_id`).
    #[serde(default)]
    pub person_id: Option<PersonId>,
    /// A child's document for the child that this fiche enfant (the household's, not yet
    /// accepted) adds to the household: it concerns that child once the fiche is
    /// accepted. Only without `person_id`.
    #[serde(default)]
    pub request_id: Option<RequestId>,
    /// The date on the document, for types valid for some days from it (default: today).
    #[serde(default)]
    pub document_date: Option<NaiveDate>,
}

/// "Valider": the last day of validity, computed from the type when not given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"valid_until": "2027-08-31"})))]
pub struct Validation {
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
}

/// "Demande de justificatifs": one more document a request needs. The person is the
/// request's (a child's document) or the account holder (an adult's) when not given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"document_type": "dt-polio", "person_id": null})))]
pub struct DocumentAsk {
    /// The type's slug.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    #[validate(length(min = 1, max = 100, code = "required"))]
    pub document_type: String,
    #[serde(default)]
    pub person_id: Option<PersonId>,
}

/// Filters of the agents' queue of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DocumentFilter {
    /// `pending` (default), `valid` or `refused`.
    pub status: Option<DocumentStatus>,
    /// A type's slug.
    pub document_type: Option<String>,
    /// Uploaded on or after this day.
    pub from: Option<NaiveDate>,
    /// Uploaded on or before this day.
    pub to: Option<NaiveDate>,
    /// Where the family lives: the postal code of the account holder's address (the
    /// commune's own, a hamlet's, or a neighbouring commune's for families from outside).
    #[cfg_attr(feature = "openapi", param(pattern = "^[0-9]{5}$", example = "59920"))]
    pub postal_code: Option<String>,
    /// From 1.
    #[cfg_attr(feature = "openapi", param(minimum = 1))]
    pub page: Option<u32>,
}

/// One page of the agents' queue, the oldest upload first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"items": [], "total": 0, "page": 1, "per_page": 25})))]
pub struct DocumentPage {
    pub items: Vec<Document>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn validity_ends_after_the_days_at_the_school_year_end_or_never() {
        assert_eq!(
            Validity::Days(90).until(date(2026, 12, 1)),
            Some(date(2027, 3, 1))
        );
        assert_eq!(
            Validity::SchoolYear.until(date(2026, 9, 3)),
            Some(date(2027, 8, 31))
        );
        assert_eq!(
            Validity::SchoolYear.until(date(2027, 6, 30)),
            Some(date(2027, 8, 31))
        );
        assert_eq!(Validity::Unlimited.until(date(2026, 12, 1)), None);
    }

    #[test]
    fn validity_reads_from_the_configuration() {
        let days: Validity = serde_json::from_str(r#"{"days": 90}"#).unwrap();
        assert_eq!(days, Validity::Days(90));
        let year: Validity = serde_json::from_str(r#""school_year""#).unwrap();
        assert_eq!(year, Validity::SchoolYear);
        assert!(serde_json::from_str::<Validity>(r#""forever""#).is_err());
    }
}
