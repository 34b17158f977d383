//! Civilité.

use crate::text_enum::text_enum;

text_enum! {
    pub enum Civility {
        Monsieur = "monsieur",
        Madame = "madame",
    }
}

impl Civility {
    /// The French label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Civility::Monsieur => "Monsieur",
            Civility::Madame => "Madame",
        }
    }
}

text_enum! {
    /// Sexe, as a birth certificate states it.
    pub enum Sex {
        Male = "male",
        Female = "female",
    }
}

impl Sex {
    /// The civility a new person of this sex gets until they say otherwise.
    pub fn civility(self) -> Civility {
        match self {
            Sex::Male => Civility::Monsieur,
            Sex::Female => Civility::Madame,
        }
    }
}
