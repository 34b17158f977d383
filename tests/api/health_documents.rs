//! Documents that are health information (the DT Polio vaccination pages, the PAI): an
//! agent opens, validates or refuses one only with the health permission, and each
//! opening is in "Journal des accès aux données de santé". Other documents are not
//! concerned.

use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::problem;
use tests::documents::{family_with_a_request, pdf, upload};
use tests::TestApp;

use crate::fiche_sarrians::{log, staff_id};
use crate::requests::token;

async fn uploaded(app: &TestApp, citizen: &str, kind: &str, child: i64) -> i64 {
    let sent = upload(
        app,
        citizen,
        &format!("document_type={kind}&person_id={child}"),
        "scan.pdf",
        pdf(4_000),
    )
    .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    sent.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_health_document_reaches_only_agents_with_the_health_permission_and_is_logged() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let polio = uploaded(&app, &citizen, "dt-polio", child).await;
    let livret = uploaded(&app, &citizen, "livret-famille", child).await;
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let admin = token(
        &app.create_staff("maire@mairie.fr", "Martine", Role::Admin)
            .await,
    );

    // The types say which are health information.
    let types = app.get_json("/api/document-types", &citizen).await;
    let health: Vec<&str> = types
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["health"] == true)
        .map(|t| t["slug"].as_str().unwrap())
        .collect();
    assert_eq!(health, ["dt-polio", "pai"]);

    // Both wait in the queue; without the permission, the carnet stays closed to her.
    let queue = app.get_json("/api/agent/documents", &agent).await;
    assert_eq!(queue["total"], 2);
    let file = |id: i64| format!("/api/agent/documents/{id}/file");
    let refused = app.get_auth(&file(polio), &agent).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(problem(refused).await["code"], "health_permission_required");
    for action in ["validate", "refuse"] {
        let body = json!({"text": "Illisible."});
        let body = if action == "validate" {
            json!({})
        } else {
            body
        };
        let refused = app
            .post_auth(
                &format!("/api/agent/documents/{polio}/{action}"),
                &agent,
                &body,
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{action}");
    }
    let library = app.get_json("/api/me/documents", &citizen).await;
    let status = |id: i64| {
        library
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status(polio), "pending");
    // The livret de famille is no health information: she opens it, unlogged.
    assert_eq!(
        app.get_auth(&file(livret), &agent).await.status(),
        StatusCode::OK
    );
    assert!(log(&app, &admin).await.is_empty());

    // Granted the permission, she opens the carnet (logged) and validates it.
    let anne = staff_id(&app, &admin, "agent@mairie.fr").await;
    let granted = app
        .put_auth(
            &format!("/api/admin/staff/{anne}/permissions/health"),
            &admin,
            &json!({}),
        )
        .await;
    assert_eq!(granted.status(), StatusCode::OK);
    let opened = app.get_auth(&file(polio), &agent).await;
    assert_eq!(opened.status(), StatusCode::OK);
    assert_eq!(opened.bytes().await.unwrap().len(), pdf(4_000).len());
    let lines = log(&app, &admin).await;
    assert_eq!(lines.len(), 1);
    assert_eq!(
        (&lines[0]["context"], &lines[0]["agent"]),
        (&json!("document"), &json!("Anne AGENT"))
    );
    let validated = app
        .post_auth(
            &format!("/api/agent/documents/{polio}/validate"),
            &agent,
            &json!({}),
        )
        .await;
    assert_eq!(validated.status(), StatusCode::OK);
    assert_eq!(validated.json::<Value>().await.unwrap()["status"], "valid");
}
