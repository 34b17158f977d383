//! Identifiant de connexion: the login a person chooses at activation.

use crate::text::slug_part;

pub const LOGIN_MIN_LEN: usize = 3;
pub const LOGIN_MAX_LEN: usize = 60;

/// A valid login: lower case ASCII letters, digits, `.`, `_` and `-`, starting with a
/// letter or digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Login(String);

impl Login {
    pub fn parse(input: &str) -> Result<Login, &'static str> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err("required");
        }
        if value.chars().count() < LOGIN_MIN_LEN {
            return Err("too_short");
        }
        if value.chars().count() > LOGIN_MAX_LEN {
            return Err("too_long");
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c);
        let starts_well = value
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if value.chars().all(allowed) && starts_well {
            Ok(Login(value))
        } else {
            Err("invalid_login")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// The login proposed at activation: `prénom.nom`, lower case, accents and spaces removed.
/// The caller adds a numeric suffix when it is taken (see [`with_suffix`]).
pub fn suggested_login(first_name: &str, last_name: &str) -> String {
    let first = slug_part(first_name);
    let last = slug_part(last_name);
    let mut login = match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first}.{last}"),
        (false, true) => first,
        (true, false) => last,
        (true, true) => "usager".to_string(),
    };
    login.truncate(LOGIN_MAX_LEN - 4);
    if login.chars().count() < LOGIN_MIN_LEN {
        login.push_str("-01");
    }
    login
}

/// `pascal.dupin` -> `pascal.dupin2` for n = 2.
pub fn with_suffix(base: &str, n: u32) -> String {
    format!("{base}{n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestion_is_firstname_dot_lastname_without_accents_or_spaces() {
        assert_eq!(suggested_login("Pascal", "Dupin"), "pascal.dupin");
        assert_eq!(suggested_login("Hélène", "De La Tour"), "helene.delatour");
        assert_eq!(suggested_login("Jean-Noël", "Lefèvre"), "jean-noel.lefevre");
        assert!(Login::parse(&suggested_login("Hélène", "De La Tour")).is_ok());
    }

    #[test]
    fn logins_are_lower_case_ascii() {
        assert_eq!(
            Login::parse(" Pascal.Dupin ").unwrap().as_str(),
            "pascal.dupin"
        );
        assert_eq!(Login::parse("ab"), Err("too_short"));
        assert_eq!(Login::parse("pascal dupin"), Err("invalid_login"));
        assert_eq!(Login::parse(".pascal"), Err("invalid_login"));
        assert_eq!(Login::parse("hélène"), Err("invalid_login"));
    }
}
