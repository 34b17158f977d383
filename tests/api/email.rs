//! Changing the account's e-mail address.

use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

fn token(session: &Value) -> &str {
    session["access_token"].as_str().unwrap()
}

#[tokio::test]
async fn a_new_email_is_used_once_confirmed_from_the_link_sent_to_it() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = token(&session);
    let wrong = app
        .post_auth(
            "/api/me/email",
            t,
            &json!({"email": "pascal@exemple.fr", "current_password": "Mauvais123"}),
        )
        .await;
    assert_eq!(
        field_codes(&problem(wrong).await),
        [("current_password".into(), "wrong_password".into())]
    );
    let same = app
        .post_auth(
            "/api/me/email",
            t,
            &json!({"email": "Dupin@yopmail.com", "current_password": people::PASSWORD}),
        )
        .await;
    assert_eq!(
        field_codes(&problem(same).await),
        [("email".into(), "same_email".into())]
    );

    let asked = app
        .post_auth(
            "/api/me/email",
            t,
            &json!({"email": "pascal@exemple.fr", "current_password": people::PASSWORD}),
        )
        .await;
    assert_eq!(asked.status(), 202);
    let profile: Value = app.get_json("/api/me/profile", t).await;
    assert_eq!(
        profile["contacts"]["email"], "dupin@yopmail.com",
        "unchanged until confirmed"
    );

    let token_in_mail = app
        .smtp
        .wait_for("pascal@exemple.fr", "confirmez votre nouvelle adresse")
        .await
        .token("/confirmation-courriel/");
    let confirmed = app
        .post(
            &format!("/api/email-confirmations/{token_in_mail}"),
            &json!({}),
        )
        .await;
    assert_eq!(confirmed.status(), 200);
    let profile: Value = app.get_json("/api/me/profile", t).await;
    assert_eq!(profile["contacts"]["email"], "pascal@exemple.fr");
    app.smtp
        .wait_for("dupin@yopmail.com", "adresse e-mail a été modifiée")
        .await;
    assert_eq!(
        app.login("pascal@exemple.fr", people::PASSWORD)
            .await
            .status(),
        200,
        "log in with the new address"
    );
    let again = app
        .post(
            &format!("/api/email-confirmations/{token_in_mail}"),
            &json!({}),
        )
        .await;
    assert_eq!(problem(again).await["code"], "link_invalid");
}

#[tokio::test]
async fn an_address_taken_meanwhile_cannot_be_confirmed() {
    let app = TestApp::spawn().await;
    let pascal = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    app.post_auth(
        "/api/me/email",
        token(&pascal),
        &json!({"email": "marie@yopmail.com", "current_password": people::PASSWORD}),
    )
    .await;
    let link = app
        .smtp
        .wait_for("marie@yopmail.com", "confirmez votre nouvelle adresse")
        .await
        .token("/confirmation-courriel/");
    app.create_account("marie@yopmail.com", "marie.diva", people::PASSWORD)
        .await;
    let response = app
        .post(&format!("/api/email-confirmations/{link}"), &json!({}))
        .await;
    assert_eq!(response.status(), 409);
    assert_eq!(problem(response).await["code"], "email_taken");
}

#[tokio::test]
async fn staff_can_change_their_email_too() {
    let app = TestApp::spawn().await;
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", domain::auth::Role::Agent)
        .await;
    let body = json!({"email": "anne@mairie.fr", "current_password": people::PASSWORD});
    assert_eq!(
        app.post_auth("/api/me/email", token(&agent), &body)
            .await
            .status(),
        202
    );
    let link = app
        .smtp
        .wait_for("anne@mairie.fr", "confirmez")
        .await
        .token("/confirmation-courriel/");
    assert_eq!(
        app.post(&format!("/api/email-confirmations/{link}"), &json!({}))
            .await
            .status(),
        200
    );
    assert_eq!(
        app.login("anne@mairie.fr", people::PASSWORD).await.status(),
        200
    );
}
