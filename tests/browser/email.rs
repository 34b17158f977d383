//! Changing the account's e-mail address in the browser: asked from "Mon profil", used
//! only once the link mailed to the new address has been opened.

use tests::{people, TestApp};

use crate::driver::Browser;

/// The address shown under "Courriel" in the contacts card.
const SHOWN_EMAIL: &str = "section[aria-labelledby='contacts-title'] > dl:nth-of-type(2) dd";

async fn shown_email(b: &Browser) -> String {
    b.find(SHOWN_EMAIL)
        .await
        .text()
        .await
        .expect("shown e-mail")
}

#[tokio::test]
async fn the_account_holder_changes_the_email_after_confirming_it() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let token = session["access_token"].as_str().expect("access token");

    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.wait_text("header", "Bonjour Pascal DUPIN").await;

    b.goto("/mon-compte/profil").await;
    b.wait_text(SHOWN_EMAIL, "dupin@yopmail.com").await;
    b.click("#email-open").await;
    b.wait_text("#email-change", "Modifier mon adresse e-mail")
        .await;

    // A wrong password is refused under its field.
    b.fill("#new_email", "pascal@exemple.fr").await;
    b.fill("#email_current_password", "pas-le-bon-mot-de-passe")
        .await;
    b.click("#email-submit").await;
    b.wait_text(
        "#email_current_password-error",
        "Mot de passe actuel incorrect.",
    )
    .await;
    assert_eq!(b.value("#new_email").await, "pascal@exemple.fr");
    b.assert_accessible("e-mail form with an error").await;

    // The right one: a link is sent, the account keeps its address meanwhile.
    b.fill("#email_current_password", people::PASSWORD).await;
    b.click("#email-submit").await;
    b.wait_text(
        "#email-status",
        "Un lien de confirmation vient d'être envoyé à pascal@exemple.fr.",
    )
    .await;
    b.wait_text("#email-status", "Votre adresse actuelle reste utilisée")
        .await;
    assert_eq!(shown_email(&b).await, "dupin@yopmail.com");
    b.assert_accessible("e-mail change asked").await;

    let mail = app
        .smtp
        .wait_for("pascal@exemple.fr", "confirmez votre nouvelle adresse")
        .await;
    let link = mail
        .link("/confirmation-courriel/")
        .expect("confirmation link");
    b.goto(&link).await;
    b.wait_text("main h1", "Confirmation de votre adresse e-mail")
        .await;
    b.wait_text(
        "#email-confirmation-status",
        "Votre adresse e-mail est désormais pascal@exemple.fr.",
    )
    .await;
    b.find("#email-confirmation-status a[href='/mon-compte/profil']")
        .await;
    b.assert_accessible("e-mail confirmed").await;

    b.click("#email-confirmation-status a[href='/mon-compte/profil']")
        .await;
    b.wait_path("/mon-compte/profil").await;
    b.wait_text(SHOWN_EMAIL, "pascal@exemple.fr").await;
    assert_eq!(shown_email(&b).await, "pascal@exemple.fr");

    let response = app.get_auth("/api/me/profile", token).await;
    assert_eq!(response.status(), 200, "GET /api/me/profile");
    let stored: serde_json::Value = response.json().await.expect("profile JSON");
    assert_eq!(stored["contacts"]["email"], "pascal@exemple.fr");

    // The link works once: opened again, it is refused in French.
    b.goto(&link).await;
    b.wait_text(
        "main [role='alert']",
        "Ce lien n'est pas valide ou a déjà été utilisé.",
    )
    .await;
    b.find("main a[href='/mon-compte/profil']").await;
    b.assert_accessible("used e-mail confirmation link").await;
    b.close().await;
}
