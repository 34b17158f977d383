//! The session in the browser: no token where scripts can read it, a reload keeps the
//! person signed in (from the HttpOnly cookie), a logout does not survive a reload.

use serde_json::Value;
use tests::{people, TestApp};

use crate::driver::Browser;

async fn script(b: &Browser, js: &str) -> String {
    match b.client.execute(js, vec![]).await.expect("script") {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

#[tokio::test]
async fn a_reload_keeps_the_session_and_no_script_can_read_its_tokens() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.wait_text("header", "Bonjour Pascal DUPIN").await;

    let stored = script(
        &b,
        "return JSON.stringify(Object.assign({}, localStorage));",
    )
    .await;
    assert!(!stored.contains("eyJ"), "a token in localStorage: {stored}");
    assert!(!stored.contains("refresh"), "{stored}");
    let cookies = script(&b, "return document.cookie;").await;
    assert!(!cookies.contains("guichet_refresh"), "{cookies}");

    // A reload of a page for signed-in people: still signed in, never sent to login.
    b.goto("/mon-compte/profil").await;
    b.wait_text("header", "Bonjour Pascal DUPIN").await;
    b.wait_text("main h1", "Mon profil").await;
    assert_eq!(b.path().await, "/mon-compte/profil");

    // After "Déconnexion", a reload does not bring the session back.
    b.click("#account-menu-button").await;
    b.click("#logout-button").await;
    b.wait_text("header", "Me connecter").await;
    b.goto("/mon-compte/profil").await;
    b.wait_path("/connexion?retour=%2Fmon-compte%2Fprofil")
        .await;
    b.close().await;
}

#[tokio::test]
async fn after_login_the_return_address_never_leads_off_the_portal() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let b = Browser::open(&app.address).await;
    for (retour, lands_on) in [
        ("%2Fmes-demandes", "/mes-demandes"),
        ("%2F%2Fevil.example%2Fconnexion", "/"),
        ("https%3A%2F%2Fevil.example%2F", "/"),
        ("%2F%5Cevil.example", "/"),
        ("javascript%3Aalert(1)", "/"),
    ] {
        b.goto(&format!("/connexion?retour={retour}")).await;
        b.fill("#login", "pascal.dupin").await;
        b.fill("#password", people::PASSWORD).await;
        b.click("#login-submit").await;
        b.wait_text("header", "Bonjour").await;
        b.wait_path(lands_on).await;
        let url = b.client.current_url().await.unwrap();
        assert_eq!(url.host_str(), Some("127.0.0.1"), "{retour} led to {url}");
        b.click("#account-menu-button").await;
        b.click("#logout-button").await;
        b.wait_text("header", "Me connecter").await;
    }
    b.close().await;
}
