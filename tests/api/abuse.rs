//! Abuse by anonymous callers and by thieves of a token: guessing is slowed per client,
//! bogus links cost no password hash, a copied refresh token ends its session, and a
//! role or password change applies at once.

use domain::auth::Role;
use serde_json::{json, Value};
use tests::app::problem;
use tests::{people, TestApp};

/// A portal behind a proxy that names the client in `X-Forwarded-For`.
async fn behind_proxy() -> TestApp {
    TestApp::spawn_with(|s| s.client_ip_header = Some("X-Forwarded-For".into())).await
}

async fn login_from(app: &TestApp, client: &str, login: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/auth/login"))
        .header("X-Forwarded-For", format!("198.51.100.7, {client}"))
        .json(&json!({"login": login, "password": password}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_guessing_client_waits_while_the_owner_logs_in_from_elsewhere() {
    let app = behind_proxy().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    for _ in 0..4 {
        let wrong = login_from(&app, "203.0.113.66", "pascal.dupin", "Mauvais123").await;
        assert_eq!(wrong.status(), 401);
    }
    let slowed = login_from(&app, "203.0.113.66", "pascal.dupin", "Mauvais123").await;
    assert_eq!(slowed.status(), 429);
    let wait: i64 = slowed.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&wait), "the first delay is short: {wait}");
    assert_eq!(
        login_from(&app, "203.0.113.66", "pascal.dupin", people::PASSWORD)
            .await
            .status(),
        429,
        "the guessing client waits, even with the right password"
    );
    // The leftmost entry is the client's own claim: only our proxy's (rightmost) counts.
    let home = login_from(&app, "192.0.2.10", "pascal.dupin", people::PASSWORD).await;
    assert_eq!(home.status(), 200, "the owner is not locked out");
}

#[tokio::test]
async fn wrong_current_passwords_never_delay_the_login() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let token = session["access_token"].as_str().unwrap();
    let change = json!({"current_password": "Mauvais123", "password": people::OTHER_PASSWORD, "password_confirmation": people::OTHER_PASSWORD});
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(
            app.post_auth("/api/me/password", token, &change)
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(statuses, [422, 422, 422, 422, 429, 429]);
    let email = json!({"email": "nouvelle@exemple.fr", "current_password": people::PASSWORD});
    assert_eq!(
        app.post_auth("/api/me/email", token, &email).await.status(),
        429,
        "the e-mail change shares the current-password counter"
    );
    assert_eq!(
        app.login("pascal.dupin", people::PASSWORD).await.status(),
        200
    );
}

#[tokio::test]
async fn bogus_reset_and_activation_links_cost_no_password_hash() {
    let app = TestApp::spawn().await;
    let before = app.state.hasher.computed();
    let body = json!({"password": people::PASSWORD, "password_confirmation": people::PASSWORD});
    for i in 0..20 {
        let reset = app
            .post(&format!("/api/password-resets/bogus{i}"), &body)
            .await;
        assert_eq!(problem(reset).await["code"], "link_invalid");
        let activation = app
            .post(
                &format!("/api/activations/bogus{i}"),
                &json!({"login": "pascal.dupin", "password": people::PASSWORD, "password_confirmation": people::PASSWORD}),
            )
            .await;
        assert_eq!(problem(activation).await["code"], "link_invalid");
    }
    assert_eq!(app.state.hasher.computed(), before);
}

#[tokio::test]
async fn a_refresh_token_presented_twice_ends_the_whole_session() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let refresh = |token: Value| {
        let app = &app;
        async move {
            app.post("/api/auth/refresh", &json!({"refresh_token": token}))
                .await
        }
    };
    let renewed: Value = refresh(session["refresh_token"].clone())
        .await
        .json()
        .await
        .unwrap();
    let renewed_access = renewed["access_token"].as_str().unwrap();
    assert_eq!(app.get_auth("/api/me", renewed_access).await.status(), 200);
    // The old token again: a copy is in use somewhere.
    assert_eq!(
        refresh(session["refresh_token"].clone()).await.status(),
        401
    );
    assert_eq!(app.get_auth("/api/me", renewed_access).await.status(), 401);
    assert_eq!(
        refresh(renewed["refresh_token"].clone()).await.status(),
        401
    );
    // Other sessions of the account are not touched.
    assert_eq!(
        app.login("pascal.dupin", people::PASSWORD).await.status(),
        200
    );
}

#[tokio::test]
async fn a_role_change_applies_to_tokens_already_issued() {
    let app = TestApp::spawn().await;
    let session = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let token = session["access_token"].as_str().unwrap();
    assert_eq!(
        app.get_auth("/api/agent/requests", token).await.status(),
        200
    );
    let account_id = domain::ids::AccountId(session["account"]["id"].as_i64().unwrap());
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        db::accounts::set_role(&mut conn, account_id, domain::auth::Role::Citizen).unwrap();
    })
    .await
    .unwrap();
    assert_eq!(
        app.get_auth("/api/agent/requests", token).await.status(),
        403
    );
}

#[tokio::test]
async fn a_password_change_retires_the_reset_links_still_out() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    app.post(
        "/api/auth/forgotten-password",
        &json!({"identifier": "pascal.dupin"}),
    )
    .await;
    let link = app
        .smtp
        .wait_for("dupin@yopmail.com", "réinitialisation")
        .await
        .token("/reinitialisation/");
    assert_eq!(
        app.get(&format!("/api/password-resets/{link}"))
            .await
            .status(),
        200
    );
    let changed = app
        .post_auth(
            "/api/me/password",
            session["access_token"].as_str().unwrap(),
            &json!({"current_password": people::PASSWORD, "password": people::OTHER_PASSWORD, "password_confirmation": people::OTHER_PASSWORD}),
        )
        .await;
    assert_eq!(changed.status(), 204);
    let reset = app.get(&format!("/api/password-resets/{link}")).await;
    assert_eq!(problem(reset).await["code"], "link_invalid");
}

/// Sends a mail known to leave after every earlier one to `email` and waits for it: the
/// outbox goes out in order, so what has not arrived by then was never sent.
async fn flush_mail(app: &TestApp, email: &str, nth: usize) {
    app.post(
        "/api/auth/forgotten-login",
        &json!({"email": "marqueur@exemple.fr"}),
    )
    .await;
    app.smtp.wait_for_nth(email, "identifiant", nth).await;
}

#[tokio::test]
async fn registering_a_pending_address_again_keeps_its_identity_and_its_link() {
    let app = TestApp::spawn().await;
    let token = app
        .activation_token("dupin@yopmail.com", "Pascal", "Dupin")
        .await;
    let response = app.register("dupin@yopmail.com", "Mallory", "Pirate").await;
    assert_eq!(response.status(), 202, "the same neutral answer");
    let info = app.get_json(&format!("/api/activations/{token}"), "").await;
    assert_eq!(info["first_name"], "Pascal");
    assert_eq!(info["birth_name"], "Dupin");
    // Within the cooldown no second activation mail goes out.
    app.create_account("marqueur@exemple.fr", "marqueur", people::PASSWORD)
        .await;
    flush_mail(&app, "marqueur@exemple.fr", 0).await;
    let activations = app
        .smtp
        .for_address("dupin@yopmail.com")
        .into_iter()
        .filter(|m| m.subject.contains("activez"))
        .count();
    assert_eq!(activations, 1);
    let body = json!({"login": "pascal.dupin", "password": people::PASSWORD, "password_confirmation": people::PASSWORD});
    let activated = app.post(&format!("/api/activations/{token}"), &body).await;
    assert_eq!(activated.status(), 200, "the owner's link still works");
}

#[tokio::test]
async fn the_already_registered_mail_goes_out_at_most_once_per_cooldown() {
    let app = TestApp::spawn().await;
    app.create_account("deja@exemple.fr", "pascal.dupin", people::PASSWORD)
        .await;
    app.create_account("marqueur@exemple.fr", "marqueur", people::PASSWORD)
        .await;
    for _ in 0..4 {
        let response = app.register("deja@exemple.fr", "Pascal", "Dupin").await;
        assert_eq!(response.status(), 202);
    }
    flush_mail(&app, "marqueur@exemple.fr", 0).await;
    let reminders = app
        .smtp
        .for_address("deja@exemple.fr")
        .into_iter()
        .filter(|m| m.subject.contains("déjà un compte"))
        .count();
    assert_eq!(reminders, 1);
}
