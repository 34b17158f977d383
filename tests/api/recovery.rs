//! Forgotten login, forgotten password and reset.

use domain::account::TokenPurpose;
use serde_json::{json, Value};
use tests::app::problem;
use tests::{people, TestApp};

#[tokio::test]
async fn a_forgotten_login_is_mailed_and_the_answer_does_not_reveal_accounts() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let known = app
        .post(
            "/api/auth/forgotten-login",
            &json!({"email": "Dupin@Yopmail.com"}),
        )
        .await;
    assert_eq!(known.status(), 202);
    let known: Value = known.json().await.unwrap();
    let unknown: Value = app
        .post(
            "/api/auth/forgotten-login",
            &json!({"email": "inconnu@yopmail.com"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(known, unknown);
    let mail = app
        .smtp
        .wait_for("dupin@yopmail.com", "votre identifiant")
        .await;
    assert!(mail.body.contains("Votre identifiant est : pascal.dupin"));
    assert!(app.smtp.for_address("inconnu@yopmail.com").is_empty());
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    for identifier in ["pascal.dupin", "inconnu"] {
        let response = app
            .post(
                "/api/auth/forgotten-password",
                &json!({"identifier": identifier}),
            )
            .await;
        assert_eq!(response.status(), 202);
    }
    let mail = app
        .smtp
        .wait_for("dupin@yopmail.com", "réinitialisation")
        .await;
    let token = mail.token("/reinitialisation/");
    let info: Value = app
        .get(&format!("/api/password-resets/{token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(info["login"], "pascal.dupin");

    let body = json!({"password": people::OTHER_PASSWORD, "password_confirmation": people::OTHER_PASSWORD});
    let reset = app
        .post(&format!("/api/password-resets/{token}"), &body)
        .await;
    assert_eq!(reset.status(), 204);
    assert_eq!(
        app.get_auth("/api/me", session["access_token"].as_str().unwrap())
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

    let again = app
        .post(&format!("/api/password-resets/{token}"), &body)
        .await;
    assert_eq!(again.status(), 404);
    assert_eq!(problem(again).await["code"], "link_invalid");
}

#[tokio::test]
async fn reset_requests_are_not_repeated_within_two_minutes_then_retire_the_previous_link() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let body = json!({"identifier": "pascal.dupin"});
    let ask = || app.post("/api/auth/forgotten-password", &body);
    assert_eq!(ask().await.status(), 202);
    let first = app
        .smtp
        .wait_for_nth("dupin@yopmail.com", "réinitialisation", 0)
        .await
        .token("/reinitialisation/");
    // Asking again at once answers the same but sends nothing and keeps the first link.
    assert_eq!(ask().await.status(), 202);
    let pool = app.state.pool.clone();
    let queued = tokio::task::spawn_blocking(move || {
        use db::schema::outbox::dsl::*;
        use diesel::prelude::*;
        let mut conn = pool.get().unwrap();
        let count: i64 = outbox
            .filter(subject.like("%réinitialisation%"))
            .count()
            .get_result(&mut *conn)
            .unwrap();
        // Pretend the first mail is older than the cooldown.
        diesel::update(outbox)
            .set(created_at.eq(db::now() - chrono::TimeDelta::minutes(3)))
            .execute(&mut *conn)
            .unwrap();
        count
    })
    .await
    .unwrap();
    assert_eq!(queued, 1);
    assert_eq!(
        app.get(&format!("/api/password-resets/{first}"))
            .await
            .status(),
        200
    );

    assert_eq!(ask().await.status(), 202);
    let second = app
        .smtp
        .wait_for_nth("dupin@yopmail.com", "réinitialisation", 1)
        .await
        .token("/reinitialisation/");
    assert_eq!(
        app.get(&format!("/api/password-resets/{first}"))
            .await
            .status(),
        404
    );
    assert_eq!(
        app.get(&format!("/api/password-resets/{second}"))
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_reset_lifts_the_login_throttle() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    for _ in 0..5 {
        app.login("pascal.dupin", "Mauvais123").await;
    }
    assert_eq!(
        app.login("pascal.dupin", people::PASSWORD).await.status(),
        429
    );
    app.post(
        "/api/auth/forgotten-password",
        &json!({"identifier": "pascal.dupin"}),
    )
    .await;
    let token = app
        .smtp
        .wait_for("dupin@yopmail.com", "réinitialisation")
        .await
        .token("/reinitialisation/");
    let body = json!({"password": people::OTHER_PASSWORD, "password_confirmation": people::OTHER_PASSWORD});
    assert_eq!(
        app.post(&format!("/api/password-resets/{token}"), &body)
            .await
            .status(),
        204
    );
    assert_eq!(
        app.login("pascal.dupin", people::OTHER_PASSWORD)
            .await
            .status(),
        200
    );
}

/// The token of a reset link mailed for `identifier`.
async fn reset_link(app: &TestApp, email: &str, identifier: &str) -> String {
    app.post(
        "/api/auth/forgotten-password",
        &json!({"identifier": identifier}),
    )
    .await;
    app.smtp
        .wait_for(email, "réinitialisation")
        .await
        .token("/reinitialisation/")
}

#[tokio::test]
async fn an_expired_access_token_asks_for_a_refresh() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let fresh = session["access_token"].as_str().unwrap();
    let Ok(claims) = app.state.jwt.verify(fresh) else {
        panic!("a fresh token verifies")
    };
    let an_hour_ago = chrono::Utc::now().timestamp() - 3600;
    let old = app
        .state
        .jwt
        .issue_at(
            domain::ids::AccountId(session["account"]["id"].as_i64().unwrap()),
            claims.sid,
            "citizen",
            an_hour_ago,
        )
        .unwrap();
    let response = app.get_auth("/api/me", &old).await;
    assert_eq!(response.status(), 401);
    assert_eq!(problem(response).await["code"], "token_expired");
    let renewed = app
        .post(
            "/api/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(renewed.status(), 200);
}

#[tokio::test]
async fn an_expired_reset_link_is_refused_with_410() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let token = reset_link(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        use db::schema::account_tokens::dsl::*;
        use diesel::prelude::*;
        let mut conn = pool.get().unwrap();
        diesel::update(account_tokens.filter(purpose.eq(TokenPurpose::PasswordReset)))
            .set(expires_at.eq(db::now() - chrono::TimeDelta::minutes(1)))
            .execute(&mut *conn)
            .unwrap();
    })
    .await
    .unwrap();
    let body = json!({"password": people::OTHER_PASSWORD, "password_confirmation": people::OTHER_PASSWORD});
    let response = app
        .post(&format!("/api/password-resets/{token}"), &body)
        .await;
    assert_eq!(response.status(), 410);
    assert_eq!(problem(response).await["code"], "link_expired");
    assert_eq!(
        app.login("pascal.dupin", people::PASSWORD).await.status(),
        200,
        "the password did not change"
    );
}

#[tokio::test]
async fn after_a_reset_the_old_refresh_token_is_refused() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let token = reset_link(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let body = json!({"password": people::OTHER_PASSWORD, "password_confirmation": people::OTHER_PASSWORD});
    let reset = app
        .post(&format!("/api/password-resets/{token}"), &body)
        .await;
    assert_eq!(reset.status(), 204);
    let refresh = app
        .post(
            "/api/auth/refresh",
            &json!({"refresh_token": session["refresh_token"]}),
        )
        .await;
    assert_eq!(refresh.status(), 401);
}

#[tokio::test]
async fn a_reset_link_used_twice_at_once_works_only_once() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let token = reset_link(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let uses = [people::OTHER_PASSWORD, "Troisieme!Mot3"].map(|password| {
        let (app, token) = (&app, &token);
        async move {
            let body = json!({"password": password, "password_confirmation": password});
            app.post(&format!("/api/password-resets/{token}"), &body)
                .await
                .status()
                .as_u16()
        }
    });
    let mut statuses = futures_util::future::join_all(uses).await;
    statuses.sort();
    assert_eq!(statuses, [204, 404]);
    let logins = [people::OTHER_PASSWORD, "Troisieme!Mot3"].map(|p| app.login("pascal.dupin", p));
    let logins: Vec<u16> = futures_util::future::join_all(logins)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    assert_eq!(
        logins.iter().filter(|s| **s == 200).count(),
        1,
        "{logins:?}"
    );
}
