//! The documents a commune asks for: their types (name, whom they concern, validity,
//! formats, size) and, per procedure, which types a request needs, optionally only for
//! some answers ("Accueil individualisé (PAI)" only when the PAI answer is yes).

use domain::document::{DocumentConcern, DocumentType, FileKind, Validity};
use domain::request::form::Answers;
use serde::Deserialize;

/// The types of the manuals, for a commune that does not list its own.
pub const DEFAULT_TYPES: &str = include_str!("../../communes/documents.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentTypes {
    pub document_types: Vec<DocumentTypeSettings>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentTypeSettings {
    pub slug: String,
    pub name: String,
    pub concern: DocumentConcern,
    /// `unlimited` (default), `school_year`, or `{ days = 90 }`.
    #[serde(default = "unlimited")]
    pub validity: Validity,
    /// Default: PDF, JPEG and PNG.
    #[serde(default = "every_format")]
    pub formats: Vec<FileKind>,
    /// Default: 10.
    #[serde(default = "ten")]
    pub max_megabytes: u32,
    /// Health information (RGPD art. 9: the vaccination pages, the PAI): agents open the
    /// file, validate or refuse it only with the health permission, and each opening is
    /// logged. Default: false.
    #[serde(default)]
    pub health: bool,
}

fn unlimited() -> Validity {
    Validity::Unlimited
}

fn every_format() -> Vec<FileKind> {
    FileKind::ALL.to_vec()
}

fn ten() -> u32 {
    10
}

/// The most any type may accept: 20 MB.
pub const MAX_MEGABYTES: u32 = 20;

impl DocumentTypeSettings {
    pub fn max_bytes(&self) -> u64 {
        u64::from(self.max_megabytes) * 1024 * 1024
    }

    pub fn public(&self) -> DocumentType {
        DocumentType {
            slug: self.slug.clone(),
            name: self.name.clone(),
            concern: self.concern,
            validity: self.validity,
            formats: self.formats.clone(),
            max_bytes: self.max_bytes(),
            health: self.health,
        }
    }

    pub fn problems(&self) -> Vec<String> {
        let mut found = Vec::new();
        if self.formats.is_empty() {
            found.push(format!("document type `{}` accepts no format", self.slug));
        }
        if self.max_megabytes == 0 || self.max_megabytes > MAX_MEGABYTES {
            found.push(format!(
                "document type `{}`: max_megabytes must be 1 to {MAX_MEGABYTES}",
                self.slug
            ));
        }
        if matches!(self.validity, Validity::Days(0)) {
            found.push(format!("document type `{}`: validity of 0 days", self.slug));
        }
        found
    }
}

/// A document a procedure's requests need.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementSettings {
    /// The type's slug.
    #[serde(rename = "type")]
    pub document_type: String,
    /// Only when an answer has this value.
    #[serde(default)]
    pub when: Option<Condition>,
}

/// The same condition as a form's `shown_when`: "when the answer to `field` is `equals`".
pub use domain::request::form::FieldCondition as Condition;

impl RequirementSettings {
    /// Whether a request with these answers needs the document.
    pub fn applies(&self, answers: &Answers) -> bool {
        self.when.as_ref().is_none_or(|c| c.holds(answers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_types_load_and_are_sound() {
        let types: DocumentTypes = toml::from_str(DEFAULT_TYPES).unwrap();
        assert!(types.document_types.len() >= 7);
        for t in &types.document_types {
            assert!(t.problems().is_empty(), "{}: {:?}", t.slug, t.problems());
        }
        let home = types
            .document_types
            .iter()
            .find(|t| t.slug == "justificatif-domicile")
            .unwrap();
        assert_eq!(home.concern, DocumentConcern::Household);
        assert_eq!(home.validity, Validity::Days(90));
    }

    #[test]
    fn a_condition_holds_only_for_its_answer() {
        let r: RequirementSettings =
            toml::from_str("type = \"pai\"\nwhen = { field = \"pai\", equals = true }").unwrap();
        let mut answers = Answers::new();
        assert!(!r.applies(&answers));
        answers.insert("pai".into(), serde_json::Value::Bool(true));
        assert!(r.applies(&answers));
        answers.insert("pai".into(), serde_json::Value::Bool(false));
        assert!(!r.applies(&answers));
    }
}
