//! Sample people for tests.

use serde_json::{json, Value};

/// A valid registration body for `email` (the captcha is added by the caller).
pub fn registration(email: &str, first_name: &str, birth_name: &str) -> Value {
    json!({
        "civility": "monsieur",
        "birth_name": birth_name,
        "first_name": first_name,
        "second_first_name": "",
        "third_first_name": null,
        "birth_date": "1988-03-04",
        "birth_country": "France",
        "birth_city": "LYON 02",
        "birth_department": "69",
        "email": email,
        "terms_accepted": true,
        "privacy_consent": true,
    })
}

pub const PASSWORD: &str = "Quievrechain59";
pub const OTHER_PASSWORD: &str = "Nouveau!Mot2passe";
