//! Staff accounts: admins create agents; the first admin comes from the command line.

use domain::auth::Role;
use serde_json::{json, Value};
use tests::app::problem;
use tests::{people, TestApp};

use crate::requests::token;

#[tokio::test]
async fn an_admin_creates_agents_who_choose_their_own_password() {
    let app = TestApp::spawn().await;
    let admin = token(
        &app.create_staff("admin@mairie.fr", "Alice", Role::Admin)
            .await,
    );
    let body = json!({"civility": "monsieur", "first_name": "Bruno", "birth_name": "Guichetier", "email": "bruno@mairie.fr", "role": "agent"});
    let created = app.post_auth("/api/admin/staff", &admin, &body).await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    assert_eq!(created["login"], "bruno.guichetier");
    assert_eq!(created["role"], "agent");
    let mail = app
        .smtp
        .wait_for("bruno@mairie.fr", "votre compte agent")
        .await;
    assert!(mail.body.contains("bruno.guichetier"));
    assert_eq!(
        problem(app.login("bruno.guichetier", people::PASSWORD).await).await["code"],
        "invalid_credentials",
        "no password until chosen"
    );
    let again = app.post_auth("/api/admin/staff", &admin, &body).await;
    assert_eq!(again.status(), 409);
    assert_eq!(problem(again).await["code"], "email_taken");

    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let mut other = body.clone();
    other["email"] = json!("autre@mairie.fr");
    assert_eq!(
        app.post_auth("/api/admin/staff", &agent, &other)
            .await
            .status(),
        403,
        "agents do not create staff"
    );
}

#[tokio::test]
async fn the_create_admin_command_prints_a_password_link_and_never_sets_a_password() {
    let app = TestApp::spawn().await;
    let args: Vec<String> = [
        "--email",
        "maire@mairie.fr",
        "--first-name",
        "Martine",
        "--birth-name",
        "Maire",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let new = api::admin_cli::parse(&args).unwrap();
    let settings = (*app.state.settings).clone();
    let message = api::admin_cli::run(settings, new).await.unwrap();
    assert!(message.contains("martine.maire"));
    let link = message
        .lines()
        .find(|l| l.contains("/reinitialisation/"))
        .unwrap();
    let token_part = link.rsplit('/').next().unwrap();
    let body = json!({"password": people::PASSWORD, "password_confirmation": people::PASSWORD});
    assert_eq!(
        app.post(&format!("/api/password-resets/{token_part}"), &body)
            .await
            .status(),
        204
    );
    let session: Value = app
        .login("martine.maire", people::PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(session["account"]["role"], "admin");
    assert!(api::admin_cli::parse(&args[..2]).is_err());
}
