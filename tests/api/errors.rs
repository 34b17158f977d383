//! Bad input gets problem+json with a stable code and per-field details, never a 500.

use serde_json::json;
use tests::app::{field_codes, problem};
use tests::TestApp;

#[tokio::test]
async fn malformed_json_is_a_400_problem() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/auth/login"))
        .header("content-type", "application/json")
        .body("{\"login\": \"a\",")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(problem(response).await["code"], "malformed_json");
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_415_problem() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/auth/login"))
        .header("content-type", "text/plain")
        .body("login=a")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert_eq!(problem(response).await["code"], "unsupported_media_type");
}

#[tokio::test]
async fn wrong_types_missing_fields_and_unknown_enum_values_name_the_field() {
    let app = TestApp::spawn().await;
    let response = app
        .post("/api/auth/login", &json!({"login": 42, "password": "x"}))
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        field_codes(&problem(response).await),
        [("login".into(), "invalid_type".into())]
    );

    let response = app
        .post("/api/auth/login", &json!({"login": "pascal"}))
        .await;
    assert_eq!(
        field_codes(&problem(response).await),
        [("password".into(), "required".into())]
    );

    let mut body = tests::people::registration("a@exemple.fr", "Pascal", "Dupin");
    body["civility"] = json!("docteur");
    body["captcha"] = json!({"id": "x", "answer": "y"});
    let response = app.post("/api/registrations", &body).await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        field_codes(&problem(response).await),
        [("civility".into(), "invalid_value".into())]
    );
}

#[tokio::test]
async fn overlong_fields_and_nul_bytes_are_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let mut body = tests::people::registration("long@exemple.fr", &"a".repeat(81), "Dupin");
    body["captcha"] = app.solve_captcha().await;
    let response = app.post("/api/registrations", &body).await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        field_codes(&problem(response).await),
        [("first_name".into(), "too_long".into())]
    );

    let mut body = tests::people::registration("nul@exemple.fr", "Pas\u{0}cal", "Dupin");
    body["captcha"] = app.solve_captcha().await;
    let response = app.post("/api/registrations", &body).await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        field_codes(&problem(response).await),
        [("first_name".into(), "invalid_characters".into())]
    );

    // Nothing was created nor queued: no account and no mail, in the database itself
    // (the mail sender could not have sent what was never written).
    let pool = app.state.pool.clone();
    let (accounts, mails) = tokio::task::spawn_blocking(move || {
        use db::schema::{accounts, outbox};
        use diesel::prelude::*;
        let mut conn = pool.get().unwrap();
        let accounts: i64 = accounts::table.count().get_result(&mut *conn).unwrap();
        let mails: i64 = outbox::table.count().get_result(&mut *conn).unwrap();
        (accounts, mails)
    })
    .await
    .unwrap();
    assert_eq!((accounts, mails), (0, 0));
    // Registering properly now sends the first activation mail.
    let token = app
        .activation_token("long@exemple.fr", "Pascal", "Dupin")
        .await;
    assert!(!token.is_empty());
}

#[tokio::test]
async fn a_too_large_body_is_a_413_problem() {
    let app = TestApp::spawn().await;
    let response = app
        .post(
            "/api/auth/login",
            &json!({"login": "a".repeat(70_000), "password": "x"}),
        )
        .await;
    assert_eq!(response.status(), 413);
    assert_eq!(problem(response).await["code"], "payload_too_large");
}

#[tokio::test]
async fn unknown_api_routes_are_problem_404_and_spa_routes_are_not() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/nothing-here").await;
    assert_eq!(response.status(), 404);
    assert_eq!(problem(response).await["code"], "not_found");
    let response = app
        .client
        .delete(app.url("/api/catalogue"))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_client_error());
    problem(response).await;
}

#[tokio::test]
async fn a_submitted_password_is_never_echoed() {
    let app = TestApp::spawn().await;
    let secret = "motdepassesecret";
    let token = app
        .activation_token("echo@exemple.fr", "Pascal", "Dupin")
        .await;
    let response = app
        .post(
            &format!("/api/activations/{token}"),
            &json!({"login": "pascal.dupin", "password": secret, "password_confirmation": secret}),
        )
        .await;
    assert_eq!(response.status(), 422);
    let text = response.text().await.unwrap();
    assert!(text.contains("weak_password"));
    assert!(!text.contains(secret));
}
