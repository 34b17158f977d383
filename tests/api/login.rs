//! Login, sessions, logout, throttling.

use serde_json::{json, Value};
use tests::app::problem;
use tests::{people, TestApp};

#[tokio::test]
async fn login_with_identifiant_and_password_opens_a_session() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let response = app.login("Pascal.Dupin", people::PASSWORD).await;
    assert_eq!(response.status(), 200);
    let session: Value = response.json().await.unwrap();
    assert_eq!(session["expires_in"], 900);
    let me: Value = app
        .get_json("/api/me", session["access_token"].as_str().unwrap())
        .await;
    assert_eq!(me["login"], "pascal.dupin");
    assert_eq!(me["birth_name"], "Dupin");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_login_answer_alike() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let wrong = problem(app.login("pascal.dupin", "Mauvais123").await).await;
    let unknown = problem(app.login("personne", "Mauvais123").await).await;
    assert_eq!(wrong, unknown);
    assert_eq!(wrong["status"], 401);
    assert_eq!(wrong["code"], "invalid_credentials");
}

#[tokio::test]
async fn logout_revokes_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let token = session["access_token"].as_str().unwrap();
    assert_eq!(app.get_auth("/api/me", token).await.status(), 200);
    assert_eq!(
        app.post_auth("/api/auth/logout", token, &json!({}))
            .await
            .status(),
        204
    );
    let after = app.get_auth("/api/me", token).await;
    assert_eq!(after.status(), 401);
    assert_eq!(problem(after).await["code"], "unauthenticated");
    let refresh = app
        .post(
            "/api/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(refresh.status(), 401);
}

#[tokio::test]
async fn a_refresh_token_works_once_and_yields_a_new_pair() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let first = app
        .post(
            "/api/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(first.status(), 200);
    let renewed: Value = first.json().await.unwrap();
    assert_ne!(renewed["refresh_token"], session["refresh_token"]);
    assert_eq!(
        app.get_auth("/api/me", renewed["access_token"].as_str().unwrap())
            .await
            .status(),
        200
    );
    let replay = app
        .post(
            "/api/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(replay.status(), 401);
}

#[tokio::test]
async fn requests_without_a_valid_token_are_refused() {
    let app = TestApp::spawn().await;
    let none = app.get("/api/me").await;
    assert_eq!(none.status(), 401);
    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    assert_eq!(app.get_auth("/api/me", "pas.un.jeton").await.status(), 401);
}

#[tokio::test]
async fn repeated_failed_logins_are_throttled_with_a_clear_message() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    for _ in 0..4 {
        assert_eq!(app.login("pascal.dupin", "Mauvais123").await.status(), 401);
    }
    let locked = app.login("pascal.dupin", "Mauvais123").await;
    assert_eq!(locked.status(), 429);
    assert!(locked.headers().contains_key("retry-after"));
    let body = problem(locked).await;
    assert_eq!(body["code"], "too_many_attempts");
    assert!(body["title"]
        .as_str()
        .unwrap()
        .contains("Trop de tentatives"));
    // Even the right password waits for the lock to end.
    assert_eq!(
        app.login("pascal.dupin", people::PASSWORD).await.status(),
        429
    );
}

#[tokio::test]
async fn changing_the_password_ends_the_other_sessions_only() {
    let app = TestApp::spawn().await;
    let first = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let second: Value = app
        .login("pascal.dupin", people::PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let token = second["access_token"].as_str().unwrap();
    let wrong = app
        .post_auth(
            "/api/me/password",
            token,
            &json!({"current_password": "Mauvais123", "password": people::OTHER_PASSWORD, "password_confirmation": people::OTHER_PASSWORD}),
        )
        .await;
    assert_eq!(wrong.status(), 422);
    let changed = app
        .post_auth(
            "/api/me/password",
            token,
            &json!({"current_password": people::PASSWORD, "password": people::OTHER_PASSWORD, "password_confirmation": people::OTHER_PASSWORD}),
        )
        .await;
    assert_eq!(changed.status(), 204);
    assert_eq!(app.get_auth("/api/me", token).await.status(), 200);
    assert_eq!(
        app.get_auth("/api/me", first["access_token"].as_str().unwrap())
            .await
            .status(),
        401
    );
    assert_eq!(
        app.login("pascal.dupin", people::PASSWORD).await.status(),
        401
    );
    assert_eq!(
        app.login("pascal.dupin", people::OTHER_PASSWORD)
            .await
            .status(),
        200
    );
    app.smtp
        .wait_for("dupin@yopmail.com", "mot de passe a été modifié")
        .await;
}

#[tokio::test]
async fn parallel_guesses_cannot_slip_past_the_throttle() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    // Login and e-mail address share one counter.
    let guesses = (0..12).map(|i| {
        let app = &app;
        let who = if i % 2 == 0 {
            "pascal.dupin"
        } else {
            "dupin@yopmail.com"
        };
        async move { app.login(who, "Mauvais123").await.status().as_u16() }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let refused = statuses.iter().filter(|s| **s == 401).count();
    assert!(
        refused < 5,
        "at most 4 plain refusals before the lock: {statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 401 || *s == 429),
        "{statuses:?}"
    );
    assert_eq!(
        app.login("pascal.dupin", people::PASSWORD).await.status(),
        429
    );
}
