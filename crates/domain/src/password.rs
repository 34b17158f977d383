//! The password policy of the manuals: at least 8 characters with one upper case letter,
//! one lower case letter and one digit; no accented characters; the only symbols accepted
//! are `! + @ # $ % ^ & * ( )`. The strength meter follows the Sarrians manual, where a
//! valid password is at least "Moyen".

pub const PASSWORD_MIN_LEN: usize = 8;
/// Longer inputs are refused before hashing: argon2 on megabytes is a denial of service.
pub const PASSWORD_MAX_LEN: usize = 128;
pub const PASSWORD_SYMBOLS: &str = "!+@#$%^&*()";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRule {
    MinLength,
    Uppercase,
    Lowercase,
    Digit,
    AllowedCharacters,
}

impl PasswordRule {
    pub const ALL: [PasswordRule; 5] = [
        PasswordRule::MinLength,
        PasswordRule::Uppercase,
        PasswordRule::Lowercase,
        PasswordRule::Digit,
        PasswordRule::AllowedCharacters,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PasswordRule::MinLength => "8 caractères minimum",
            PasswordRule::Uppercase => "1 majuscule",
            PasswordRule::Lowercase => "1 minuscule",
            PasswordRule::Digit => "1 chiffre",
            PasswordRule::AllowedCharacters => {
                "Lettres sans accent, chiffres et symboles ! + @ # $ % ^ & * ( ) uniquement"
            }
        }
    }

    pub fn is_met(self, password: &str) -> bool {
        match self {
            PasswordRule::MinLength => password.chars().count() >= PASSWORD_MIN_LEN,
            PasswordRule::Uppercase => password.chars().any(|c| c.is_ascii_uppercase()),
            PasswordRule::Lowercase => password.chars().any(|c| c.is_ascii_lowercase()),
            PasswordRule::Digit => password.chars().any(|c| c.is_ascii_digit()),
            PasswordRule::AllowedCharacters => password
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || PASSWORD_SYMBOLS.contains(c)),
        }
    }
}

/// The rules the password does not meet yet, in display order.
pub fn unmet_rules(password: &str) -> Vec<PasswordRule> {
    PasswordRule::ALL
        .into_iter()
        .filter(|rule| !rule.is_met(password))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Faible,
    Moyen,
    Fort,
}

impl Strength {
    pub fn label(self) -> &'static str {
        match self {
            Strength::Faible => "Faible",
            Strength::Moyen => "Moyen",
            Strength::Fort => "Fort",
        }
    }
}

/// "Faible" while a rule is unmet; "Fort" from 12 characters with a symbol (or 16 without);
/// "Moyen" otherwise.
pub fn strength(password: &str) -> Strength {
    if !unmet_rules(password).is_empty() {
        return Strength::Faible;
    }
    let len = password.chars().count();
    let has_symbol = password.chars().any(|c| PASSWORD_SYMBOLS.contains(c));
    if (len >= 12 && has_symbol) || len >= 16 {
        Strength::Fort
    } else {
        Strength::Moyen
    }
}

/// The French sentence that explains what is missing, or `None` when the password is valid.
pub fn policy_message(password: &str) -> Option<String> {
    if password.chars().count() > PASSWORD_MAX_LEN {
        return Some(format!(
            "Le mot de passe ne doit pas dépasser {PASSWORD_MAX_LEN} caractères."
        ));
    }
    let unmet = unmet_rules(password);
    if unmet.is_empty() {
        return None;
    }
    let labels: Vec<&str> = unmet.iter().map(|r| r.label()).collect();
    Some(format!(
        "Le mot de passe ne respecte pas les règles : {}.",
        labels.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_policy_is_enforced() {
        assert!(unmet_rules("Sarrians2024").is_empty());
        assert_eq!(unmet_rules("court1A"), vec![PasswordRule::MinLength]);
        assert_eq!(unmet_rules("minuscules1"), vec![PasswordRule::Uppercase]);
        assert_eq!(unmet_rules("MAJUSCULES1"), vec![PasswordRule::Lowercase]);
        assert_eq!(unmet_rules("SansChiffre"), vec![PasswordRule::Digit]);
        assert_eq!(
            unmet_rules("Accentué123"),
            vec![PasswordRule::AllowedCharacters]
        );
        assert_eq!(
            unmet_rules("Symbole-123"),
            vec![PasswordRule::AllowedCharacters]
        );
        assert!(unmet_rules("Symb!+@#$%^&*()ole1").is_empty());
    }

    #[test]
    fn strength_meter_levels() {
        assert_eq!(strength("faible"), Strength::Faible);
        assert_eq!(strength("Moyen1234"), Strength::Moyen);
        assert_eq!(strength("Fort!123456a"), Strength::Fort);
        assert_eq!(strength("TresLongMotDePasse16"), Strength::Fort);
    }

    #[test]
    fn message_lists_missing_rules_and_never_the_password() {
        let message = policy_message("secret").unwrap();
        assert!(message.contains("1 majuscule"));
        assert!(!message.contains("secret"));
        assert_eq!(policy_message("Valide123"), None);
    }
}
