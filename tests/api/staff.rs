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

#[tokio::test]
async fn an_admin_lists_disables_and_re_enables_agents() {
    let app = TestApp::spawn().await;
    let admin = app
        .create_staff("admin@mairie.fr", "Alice", Role::Admin)
        .await;
    let admin_token = token(&admin);
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let agent_token = token(&agent);
    let agent_id = agent["account"]["id"].as_i64().unwrap();
    let agent_login = agent["account"]["login"].as_str().unwrap().to_string();
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );

    let list: Value = app.get_json("/api/admin/staff", &admin_token).await;
    let logins: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins.len(), 2, "staff only, no citizen: {list}");
    assert!(logins.contains(&agent_login.as_str()));
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["status"] == "active"));
    for (who, status) in [(&agent_token, 403), (&citizen, 403)] {
        assert_eq!(app.get_auth("/api/admin/staff", who).await.status(), status);
    }

    let disable = format!("/api/admin/staff/{agent_id}/disable");
    let disabled = app.post_auth(&disable, &admin_token, &json!(null)).await;
    assert_eq!(disabled.status(), 200);
    let disabled: Value = disabled.json().await.unwrap();
    assert_eq!(disabled["status"], "disabled");
    // Its session ended at once, and its password no longer opens one.
    assert_eq!(app.get_auth("/api/me", &agent_token).await.status(), 401);
    assert_eq!(
        app.login(&agent_login, people::PASSWORD).await.status(),
        401
    );

    let enable = format!("/api/admin/staff/{agent_id}/enable");
    let enabled: Value = app
        .post_auth(&enable, &admin_token, &json!(null))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(enabled["status"], "active");
    assert_eq!(
        app.login(&agent_login, people::PASSWORD).await.status(),
        200
    );

    // Nobody locks themself out; citizens are not staff; agents cannot do it.
    let admin_id = admin["account"]["id"].as_i64().unwrap();
    let myself = app
        .post_auth(
            &format!("/api/admin/staff/{admin_id}/disable"),
            &admin_token,
            &json!(null),
        )
        .await;
    assert_eq!(myself.status(), 409);
    assert_eq!(problem(myself).await["code"], "cannot_disable_self");
    let citizen_id = app.get_json("/api/me", &citizen).await["id"]
        .as_i64()
        .unwrap();
    let not_staff = app
        .post_auth(
            &format!("/api/admin/staff/{citizen_id}/disable"),
            &admin_token,
            &json!(null),
        )
        .await;
    assert_eq!(not_staff.status(), 404);
    assert_eq!(app.get_auth("/api/me", &citizen).await.status(), 200);
    let by_agent = app
        .post_auth(
            &disable,
            &token(
                &app.login(&agent_login, people::PASSWORD)
                    .await
                    .json()
                    .await
                    .unwrap(),
            ),
            &json!(null),
        )
        .await;
    assert_eq!(by_agent.status(), 403);
}
