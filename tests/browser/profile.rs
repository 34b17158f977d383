//! "Mon profil" in the browser: the cards of the manuals, the phone numbers and the
//! addresses changed from the page, and stored (checked through the API).

use serde_json::Value;
use tests::{people, TestApp};

use crate::driver::Browser;

async fn stored_profile(app: &TestApp, token: &str) -> Value {
    let response = app.get_auth("/api/me/profile", token).await;
    assert_eq!(response.status(), 200, "GET /api/me/profile");
    response.json().await.expect("profile JSON")
}

/// The id of the element that has the focus, once the page has settled.
async fn focused(b: &Browser) -> String {
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    b.client
        .execute(
            "return document.activeElement && document.activeElement.id",
            vec![],
        )
        .await
        .expect("active element")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn the_account_holder_views_the_profile_and_changes_contacts_and_addresses() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let token = session["access_token"].as_str().expect("access token");

    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.wait_text("header", "Bonjour Pascal DUPIN").await;

    b.goto("/mon-compte/profil").await;
    b.wait_text("main h1", "Mon profil").await;
    let main = b.wait_text("main", "Rôles / Relations").await;
    let mut titles = Vec::new();
    for h2 in b
        .client
        .find_all(fantoccini::Locator::Css("main section.card > h2"))
        .await
        .expect("card titles")
    {
        titles.push(h2.text().await.expect("title"));
    }
    assert_eq!(
        titles,
        [
            "Mes données civiles",
            "Mes données sociales",
            "Mes informations de contact",
            "Mes adresses",
            "Ma bibliothèque de justificatifs",
            "Mon foyer",
            "Enfants scolarisés du foyer",
            "Inscriptions aux activités",
            "Rôles / Relations",
            "Changer mon mot de passe",
        ]
    );
    assert!(main.contains("DUPIN"), "birth name in upper case: {main}");
    assert!(main.contains("Non renseigné"), "missing values are said");
    assert!(main.contains("dupin@yopmail.com"));
    assert!(main.contains("Aucune adresse enregistrée."));
    b.assert_accessible("profile").await;

    // Civil data change through a request to the town hall.
    b.click("#civil-details-button").await;
    b.find("#civil-details a[href='/demarches/mise-a-jour-informations-personnelles']")
        .await;

    // The household and the other read-only cards, all open at once.
    b.click("#social-details-button").await;
    b.click("#household-details-button").await;
    b.find("#household-details a[href='/demarches/mise-a-jour-filiation']")
        .await;
    b.click("#relations-details-button").await;
    b.wait_text("#relations-details", "Aucune relation enregistrée.")
        .await;
    b.wait_text(
        "section[aria-labelledby='household-title']",
        "DUPIN Pascal (Titulaire)",
    )
    .await;
    b.wait_text(
        "section[aria-labelledby='schooling-title']",
        "Aucun enfant scolarisé.",
    )
    .await;
    assert_eq!(
        b.find("#relations-details-button")
            .await
            .attr("aria-expanded")
            .await
            .expect("attribute")
            .as_deref(),
        Some("true")
    );
    b.assert_accessible("profile, details open").await;

    // Contacts: the mobile number as people type it, stored as pairs.
    b.click("#contacts-details-button").await;
    b.fill("#mobile", "06.06.06.06.06").await;
    b.click("#contacts-submit").await;
    b.wait_text(
        "#contacts-status",
        "Vos informations de contact ont été enregistrées.",
    )
    .await;
    b.wait_text(
        "section[aria-labelledby='contacts-title'] dl",
        "06 06 06 06 06",
    )
    .await;
    assert_eq!(b.value("#mobile").await, "06 06 06 06 06");
    // The button was disabled while sending: the focus comes back to it.
    assert_eq!(focused(&b).await, "contacts-submit");
    // A wrong number is refused under its field, and what was typed stays.
    b.fill("#landline", "appelez-moi").await;
    b.click("#contacts-submit").await;
    b.wait_text("#landline-error", "Numéro de téléphone invalide")
        .await;
    assert_eq!(b.value("#landline").await, "appelez-moi");
    b.assert_accessible("contacts form with an error").await;
    b.fill("#landline", "").await;

    // Addresses: add one; a wrong postal code is refused first.
    b.click("#addresses-details-button").await;
    b.click("#address-add").await;
    b.fill("#address_name", "Adresse principale").await;
    assert_eq!(b.value("#address_country").await, "France");
    b.fill("#address_city", "HESDIGNEUL LES BOULOGNE").await;
    b.fill("#address_postal_code", "6236").await;
    b.fill("#address_street", "Rue des Buissons Fleuris").await;
    b.click("#address-submit").await;
    b.wait_text(
        "#address_postal_code-error",
        "Code postal invalide : 5 chiffres en France.",
    )
    .await;
    b.assert_accessible("address form with an error").await;
    b.fill("#address_postal_code", "62360").await;
    b.assert_accessible("address form").await;
    b.click("#address-submit").await;
    b.wait_text("#addresses-status", "a été ajoutée").await;
    assert!(
        focused(&b).await.starts_with("address-edit-"),
        "the focus goes to the new address's Modifier"
    );
    let card = b
        .wait_text(
            "section[aria-labelledby='addresses-title']",
            "Adresse principale (adresse par défaut) :",
        )
        .await;
    assert!(card.contains("Rue des Buissons Fleuris"), "{card}");
    assert!(card.contains("62360 HESDIGNEUL LES BOULOGNE"), "{card}");
    b.assert_accessible("addresses").await;

    // Change it.
    b.click("button[aria-label='Modifier Adresse principale']")
        .await;
    assert_eq!(b.value("#address_city").await, "HESDIGNEUL LES BOULOGNE");
    b.fill("#address_street_number", "12").await;
    b.fill("#address_street_number_complement", "bis").await;
    b.click("#address-submit").await;
    b.wait_text("#addresses-status", "a été enregistrée").await;
    b.wait_text(
        "section[aria-labelledby='addresses-title'] address",
        "12 bis Rue des Buissons Fleuris",
    )
    .await;

    let stored = stored_profile(&app, token).await;
    assert_eq!(stored["contacts"]["mobile"], "06 06 06 06 06");
    assert_eq!(stored["contacts"]["landline"], Value::Null);
    let addresses = stored["addresses"].as_array().expect("addresses");
    assert_eq!(addresses.len(), 1);
    assert_eq!(addresses[0]["name"], "Adresse principale");
    assert_eq!(addresses[0]["postal_code"], "62360");
    assert_eq!(addresses[0]["street_number"], "12");
    assert_eq!(addresses[0]["street_number_complement"], "bis");
    assert_eq!(addresses[0]["is_default"], true);

    // Delete it, after saying yes in the page.
    b.click("button[aria-label='Supprimer Adresse principale']")
        .await;
    b.wait_text(".confirm", "Supprimer cette adresse ?").await;
    b.assert_accessible("address deletion question").await;
    b.click("#address-delete-confirm").await;
    b.wait_text("#addresses-status", "a été supprimée").await;
    assert_eq!(
        focused(&b).await,
        "address-add",
        "the focus goes back to the add button"
    );
    b.wait_text(
        "section[aria-labelledby='addresses-title']",
        "Aucune adresse enregistrée.",
    )
    .await;
    let stored = stored_profile(&app, token).await;
    assert_eq!(stored["addresses"], serde_json::json!([]));
    b.close().await;
}

#[tokio::test]
async fn the_account_holder_changes_the_password_after_proving_the_current_one() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.goto("/mon-compte/profil").await;
    b.wait_text("main h1", "Mon profil").await;

    // Nothing typed: the rules are named before anything is sent.
    b.click("#change-password-submit").await;
    b.wait_text("#password-errors", "Mot de passe actuel").await;
    // A wrong current password: the server's answer lands on its field.
    let new = "Maree+Haute2027";
    b.fill("#current_password", "pas-le-bon").await;
    b.fill("#password", new).await;
    b.fill("#password_confirmation", new).await;
    b.click("#change-password-submit").await;
    b.wait_text("#current_password-error", "Mot de passe actuel incorrect")
        .await;
    b.assert_accessible("a wrong current password").await;
    b.fill("#current_password", people::PASSWORD).await;
    b.click("#change-password-submit").await;
    b.wait_text("main", "Votre mot de passe a bien été modifié.")
        .await;
    assert_eq!(b.value("#current_password").await, "");
    assert_eq!(app.login("pascal.dupin", new).await.status(), 200);
    assert_eq!(
        app.login("pascal.dupin", people::PASSWORD).await.status(),
        401
    );
    b.close().await;
}
