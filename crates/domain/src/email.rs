//! E-mail addresses, as the portal accepts them.

use std::fmt;

/// A syntactically valid e-mail address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

pub const EMAIL_MAX_LEN: usize = 254;

impl Email {
    pub fn parse(input: &str) -> Result<Email, &'static str> {
        let value = input.trim().to_lowercase();
        if value.is_empty() {
            return Err("required");
        }
        if value.len() > EMAIL_MAX_LEN {
            return Err("too_long");
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err("invalid_email");
        };
        if local_part_is_valid(local) && domain_is_valid(domain) {
            Ok(Email(value))
        } else {
            Err("invalid_email")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn local_part_is_valid(local: &str) -> bool {
    const SPECIALS: &str = "!#$%&'*+/=?^_`{|}~.-";
    !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || SPECIALS.contains(c))
}

fn domain_is_valid(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_addresses_are_normalised() {
        assert_eq!(
            Email::parse("  Dupin@YopMail.com ").unwrap().as_str(),
            "dupin@yopmail.com"
        );
        assert!(Email::parse("jean.dupont+mairie@exemple.fr").is_ok());
    }

    #[test]
    fn invalid_addresses_are_rejected() {
        for bad in [
            "",
            "dupin",
            "dupin@",
            "@yopmail.com",
            "a..b@x.fr",
            "a@x",
            "a@-x.fr",
            "a b@x.fr",
            "é@x.fr",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
