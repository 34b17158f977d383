//! Filling the "Ajouter un enfant" / "Ajouter une personne" modal of a fiche (inputs
//! `child_*` or `person_*`), then pressing "Ajouter cette personne"; the address modal.

use crate::driver::Browser;

pub struct Person<'a> {
    /// `male` or `female`.
    pub sex: &'a str,
    pub birth_name: &'a str,
    pub first_name: &'a str,
    /// `[day, month, year]`.
    pub born: [&'a str; 3],
    pub city: &'a str,
    pub department: &'a str,
}

/// Opens the modal with its "+ Ajouter" button, fills it and adds the person.
pub async fn add_person(b: &Browser, prefix: &str, p: &Person<'_>) {
    b.click(&format!("#{prefix}-add")).await;
    b.find(&format!("#{prefix}-dialog[open]")).await;
    b.click(&format!("#{prefix}_sex_{}", p.sex)).await;
    let [day, month, year] = p.born;
    for (input, text) in [
        ("birth_name", p.birth_name),
        ("first_name", p.first_name),
        ("birth_day", day),
        ("birth_month", month),
        ("birth_year", year),
        ("birth_city", p.city),
        ("birth_department", p.department),
    ] {
        b.fill(&format!("#{prefix}_{input}"), text).await;
    }
    b.click(&format!("#{prefix}-dialog-add")).await;
}

/// Adds an address with "+ Ajouter une adresse" (the field `answer_address`).
pub async fn add_address(b: &Browser, city: &str, postal_code: &str, street: &str) {
    b.click("#address-add").await;
    b.find("#address-dialog[open]").await;
    b.wait_focus("address_name").await;
    for (input, text) in [
        ("name", "Adresse principale"),
        ("city", city),
        ("postal_code", postal_code),
        ("street", street),
    ] {
        b.fill(&format!("#address_{input}"), text).await;
    }
    b.click("#address-dialog-add").await;
    b.wait_gone("#address-dialog[open]").await;
}
