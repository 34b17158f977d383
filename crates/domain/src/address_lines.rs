//! Addresses as they are written on an envelope, in lists and in recaps.

use crate::profile::{Address, AddressInput};

impl Address {
    pub fn lines(&self) -> Vec<String> {
        AddressInput::from(self).lines()
    }

    /// "Adresse principale : 12 rue Jean Jaurès, 59920 QUIÉVRECHAIN, France".
    pub fn one_line(&self) -> String {
        AddressInput::from(self).one_line()
    }
}

impl From<&Address> for AddressInput {
    fn from(a: &Address) -> AddressInput {
        AddressInput {
            name: a.name.clone(),
            country: a.country.clone(),
            city: a.city.clone(),
            postal_code: a.postal_code.clone(),
            street_number: a.street_number.clone(),
            street_number_complement: a.street_number_complement.clone(),
            street: a.street.clone(),
            street_complement: a.street_complement.clone(),
            is_default: a.is_default,
        }
    }
}

impl AddressInput {
    /// "12 bis Rue des Buissons Fleuris", complement, "62360 HESDIGNEUL LES BOULOGNE",
    /// "France": the address as it is written on an envelope.
    pub fn lines(&self) -> Vec<String> {
        let first: Vec<&str> = [
            self.street_number.as_deref(),
            self.street_number_complement.as_deref(),
            Some(self.street.as_str()),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
        [
            Some(first.join(" ")),
            self.street_complement.clone(),
            Some(format!(
                "{} {}",
                self.postal_code.trim(),
                self.city.trim().to_uppercase()
            )),
            Some(self.country.trim().to_string()),
        ]
        .into_iter()
        .flatten()
        .filter(|l| !l.trim().is_empty())
        .collect()
    }

    /// "Adresse principale : 12 rue Jean Jaurès, 59920 QUIÉVRECHAIN, France".
    pub fn one_line(&self) -> String {
        format!("{} : {}", self.name.trim(), self.lines().join(", "))
    }
}
