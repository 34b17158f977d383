//! The portal's pages keep the refresh token in an HttpOnly cookie: login and activation
//! set it when asked, refresh renews it, two tabs refreshing at once do not end the
//! session, a copied token still does, and logout removes it.

use chrono::TimeDelta;
use diesel::prelude::*;
use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::Response;
use serde_json::{json, Value};
use tests::{people, TestApp};

const DELIVERY: &str = "refresh_token_delivery";

fn set_cookie(response: &Response) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("guichet_refresh="))
        .map(str::to_string)
}

/// `guichet_refresh=<value>` from a `Set-Cookie` header.
fn pair(header: &str) -> String {
    header.split(';').next().unwrap().to_string()
}

async fn cookie_login(app: &TestApp) -> (Value, String) {
    app.create_account("ines@example.org", "ines.martin", people::PASSWORD)
        .await;
    let login = app
        .post(
            "/api/auth/login",
            &json!({"login": "ines.martin", "password": people::PASSWORD, DELIVERY: "cookie"}),
        )
        .await;
    assert_eq!(login.status(), 200);
    let cookie = set_cookie(&login).expect("a refresh cookie");
    (login.json().await.unwrap(), cookie)
}

async fn refresh_with(app: &TestApp, cookie: &str) -> Response {
    app.client
        .post(app.url("/api/auth/refresh"))
        .header(COOKIE, pair(cookie))
        .json(&json!({}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_cookie_login_keeps_the_refresh_token_out_of_reach_of_scripts() {
    let app = TestApp::spawn().await;
    let (session, cookie) = cookie_login(&app).await;
    assert!(session.get("refresh_token").is_none(), "{session}");
    assert!(session["access_token"].is_string());
    for part in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/auth",
        "Max-Age=2592000",
    ] {
        assert!(cookie.contains(part), "{part} missing in {cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain http here: {cookie}");

    // Integrators still get it in the body by default.
    let body = app.login("ines.martin", people::PASSWORD).await;
    assert!(set_cookie(&body).is_none());
    let body: Value = body.json().await.unwrap();
    assert!(body["refresh_token"].is_string());
}

#[tokio::test]
async fn the_cookie_is_secure_when_the_portal_is_served_over_https() {
    let app =
        TestApp::spawn_with(|s| s.public_url = Some("https://portail.example.org".into())).await;
    let (_, cookie) = cookie_login(&app).await;
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn a_reloaded_page_gets_its_session_back_from_the_cookie() {
    let app = TestApp::spawn().await;
    let (_, cookie) = cookie_login(&app).await;
    let renewed = refresh_with(&app, &cookie).await;
    assert_eq!(renewed.status(), 200);
    let next = set_cookie(&renewed).expect("a renewed cookie");
    assert_ne!(pair(&next), pair(&cookie));
    let session: Value = renewed.json().await.unwrap();
    assert!(session.get("refresh_token").is_none());
    assert_eq!(session["account"]["login"], "ines.martin");
    let token = session["access_token"].as_str().unwrap();
    assert_eq!(app.get_auth("/api/me", token).await.status(), 200);

    let without = app.post("/api/auth/refresh", &json!({})).await;
    assert_eq!(without.status(), 401);
}

#[tokio::test]
async fn two_tabs_refreshing_at_once_keep_the_session_but_a_late_copy_ends_it() {
    let app = TestApp::spawn().await;
    let (_, cookie) = cookie_login(&app).await;
    let first = refresh_with(&app, &cookie).await;
    assert_eq!(first.status(), 200);
    let successor = set_cookie(&first).unwrap();

    // The second tab sent the same cookie a moment later: an access token, no new cookie.
    let second = refresh_with(&app, &cookie).await;
    assert_eq!(second.status(), 200);
    assert!(set_cookie(&second).is_none());
    let session: Value = second.json().await.unwrap();
    let token = session["access_token"].as_str().unwrap();
    assert_eq!(app.get_auth("/api/me", token).await.status(), 200);

    // Long after the rotation, the old token can only be a copy: the session ends.
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        use db::schema::used_refresh_tokens::dsl::*;
        let mut conn = pool.get().unwrap();
        diesel::update(used_refresh_tokens)
            .set(used_at.eq(db::now() - TimeDelta::minutes(1)))
            .execute(&mut *conn)
            .unwrap();
    })
    .await
    .unwrap();
    assert_eq!(refresh_with(&app, &cookie).await.status(), 401);
    assert_eq!(refresh_with(&app, &successor).await.status(), 401);
    assert_eq!(app.get_auth("/api/me", token).await.status(), 401);
}

#[tokio::test]
async fn logging_out_removes_the_cookie_and_ends_it() {
    let app = TestApp::spawn().await;
    let (session, cookie) = cookie_login(&app).await;
    let token = session["access_token"].as_str().unwrap();
    let logout = app.post_auth("/api/auth/logout", token, &json!(null)).await;
    assert_eq!(logout.status(), 204);
    let removal = set_cookie(&logout).expect("the cookie is removed");
    assert!(removal.contains("Max-Age=0"), "{removal}");
    assert!(removal.contains("Path=/api/auth"), "{removal}");
    assert_eq!(refresh_with(&app, &cookie).await.status(), 401);
}

#[tokio::test]
async fn activation_can_deliver_the_cookie_too() {
    let app = TestApp::spawn().await;
    let token = app
        .activation_token("lea@example.org", "Léa", "Bernard")
        .await;
    let activated = app
        .post(
            &format!("/api/activations/{token}"),
            &json!({
                "login": "lea.bernard",
                "password": people::PASSWORD,
                "password_confirmation": people::PASSWORD,
                DELIVERY: "cookie",
            }),
        )
        .await;
    assert_eq!(activated.status(), 200);
    let cookie = set_cookie(&activated).expect("a refresh cookie");
    let body: Value = activated.json().await.unwrap();
    assert!(body.get("refresh_token").is_none());
    assert_eq!(refresh_with(&app, &cookie).await.status(), 200);
}
