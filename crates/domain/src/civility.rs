//! Civilité.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Civility {
    Monsieur,
    Madame,
}

impl Civility {
    pub const ALL: [Civility; 2] = [Civility::Monsieur, Civility::Madame];

    /// The stored and serialised form.
    pub fn as_str(self) -> &'static str {
        match self {
            Civility::Monsieur => "monsieur",
            Civility::Madame => "madame",
        }
    }

    /// The French label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Civility::Monsieur => "Monsieur",
            Civility::Madame => "Madame",
        }
    }

    pub fn parse(value: &str) -> Option<Civility> {
        Self::ALL.into_iter().find(|c| c.as_str() == value)
    }
}
