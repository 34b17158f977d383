//! Strict input: objects only where objects are expected, unknown fields refused, and
//! authentication and role checked before the body.

use domain::auth::Role;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

use crate::agent::act;
use crate::requests::{submitted, token};

#[tokio::test]
async fn an_array_is_not_read_as_an_object_by_position() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let response = app
        .put_auth(
            "/api/me/contacts",
            &pascal,
            &json!(["0612345678", "0712345678"]),
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        field_codes(&problem(response).await),
        [("body".into(), "invalid_type".into())]
    );
    let profile = app.get_json("/api/me/profile", &pascal).await;
    assert_eq!(profile["contacts"]["landline"], Value::Null);
    assert_eq!(profile["contacts"]["mobile"], Value::Null);

    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let request = submitted(&app, &pascal).await;
    let id = request["request"]["id"].as_i64().unwrap();
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
    let response = act(&app, &agent, id, "accept", json!(["Fait"])).await;
    assert_eq!(response.status(), 422);
    let detail = app
        .get_json(&format!("/api/agent/requests/{id}"), &agent)
        .await;
    assert_eq!(detail["request"]["status"], "in_progress", "not closed");
}

#[tokio::test]
async fn unknown_fields_are_named_and_change_nothing() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let response = app
        .put_auth(
            "/api/me/contacts",
            &pascal,
            &json!({"mobile": "0612345678", "fax": "0312345678"}),
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        field_codes(&problem(response).await),
        [("fax".into(), "unknown_field".into())]
    );
    let profile = app.get_json("/api/me/profile", &pascal).await;
    assert_eq!(profile["contacts"]["mobile"], Value::Null);

    let mut body = people::registration("a@exemple.fr", "Pascal", "Dupin");
    body["captcha"] = json!({"id": "x", "answer": "y", "extra": true});
    let response = app.post("/api/registrations", &body).await;
    assert_eq!(
        field_codes(&problem(response).await),
        [("captcha.extra".into(), "unknown_field".into())]
    );
}

#[tokio::test]
async fn authentication_and_role_are_checked_before_the_body() {
    let app = TestApp::spawn().await;
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let bad_bodies = [
        json!(["x"]),
        json!({"text": 3}),
        json!({"unknown": 1}),
        json!("x"),
    ];
    // Repeated: the extractors run side by side, a race would show as a mix of answers.
    for round in 0..10 {
        for body in &bad_bodies {
            let anonymous = app.post("/api/agent/requests/1/refuse", body).await;
            assert_eq!(anonymous.status(), 401, "round {round}: {body}");
            let wrong_role = app
                .post_auth("/api/agent/requests/1/refuse", &citizen, body)
                .await;
            assert_eq!(wrong_role.status(), 403, "round {round}: {body}");
            let staff = app.post_auth("/api/admin/staff", &citizen, body).await;
            assert_eq!(staff.status(), 403, "round {round}: {body}");
        }
    }
    let not_json = app
        .client
        .post(app.url("/api/agent/requests/1/refuse"))
        .bearer_auth(&citizen)
        .header("content-type", "text/plain")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), 403);
}

#[tokio::test]
async fn agent_notes_refuse_control_and_bidi_override_characters() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let request = submitted(&app, &pascal).await;
    let id = request["request"]["id"].as_i64().unwrap();
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
    for (action, body, field) in [
        ("comments", json!({"text": "Pièce reçue\u{0007}"}), "text"),
        ("refuse", json!({"text": "Dossier\u{202E}fdp.exe"}), "text"),
        ("accept", json!({"comment": "Fait\u{2066}"}), "comment"),
    ] {
        let response = act(&app, &agent, id, action, body).await;
        assert_eq!(response.status(), 422, "{action}");
        assert_eq!(
            field_codes(&problem(response).await),
            [(field.to_string(), "invalid_characters".to_string())],
            "{action}"
        );
    }
    let detail = app
        .get_json(&format!("/api/agent/requests/{id}"), &agent)
        .await;
    assert_eq!(
        detail["request"]["status"], "in_progress",
        "nothing applied"
    );
    let ok = act(
        &app,
        &agent,
        id,
        "comments",
        json!({"text": "Ligne 1\nمرحبا"}),
    )
    .await;
    assert_eq!(ok.status(), 200);
}
