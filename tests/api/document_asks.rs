//! "Demande de justificatifs": an agent asks for one more document on a request; each
//! request shows its own documents, another household's stay out of reach.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::TestApp;

use crate::documents::{family_with_a_request, line};
use crate::requests::token;

#[tokio::test]
async fn an_agent_asks_for_one_more_document_and_each_request_shows_its_documents() {
    let app = TestApp::spawn().await;
    let (session, child, request) =
        family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let (other, other_child, _) = family_with_a_request(&app, "dupont@yopmail.com", "dupont").await;
    let citizen = token(&session);
    let agent = token(&app.create_health_staff("agent@mairie.fr", "Anne").await);
    let id = request["request"]["id"].as_i64().unwrap();
    let mine = format!("/api/requests/{id}/documents");
    let kinds = |lines: &Value| -> Vec<String> {
        lines
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                format!(
                    "{} {}",
                    l["document_type"].as_str().unwrap(),
                    l["status"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        kinds(&app.get_json(&mine, &citizen).await),
        ["dt-polio missing", "livret-famille missing", "pai missing"]
    );

    // "Demande de justificatifs": the attestation CAF of the account holder, too.
    let ask = format!("/api/agent/requests/{id}/document-requests");
    let asked = app
        .post_auth(&ask, &agent, &json!({"document_type": "attestation-caf"}))
        .await;
    assert_eq!(asked.status(), StatusCode::CREATED);
    let lines: Value = asked.json().await.unwrap();
    let caf = line(&lines, "attestation-caf");
    assert_eq!(caf["concerned"], "DUPIN Pascal");
    assert_eq!(caf["status"], "missing");
    assert_eq!(
        app.get_json(&mine, &citizen)
            .await
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        app.get_json(&format!("/api/agent/requests/{id}/documents"), &agent)
            .await,
        lines
    );
    let messages = app.get_json("/api/me/messages", &citizen).await;
    assert_eq!(messages[0]["subject"], "Demande de justificatifs");
    assert!(messages[0]["body"]
        .as_str()
        .unwrap()
        .contains("Attestation CAF de DUPIN Pascal"));
    app.smtp
        .wait_for("mounier@yopmail.com", "nouveau message de la mairie")
        .await;
    // "Mes justificatifs à fournir" asks for it too.
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    assert_eq!(line(&required, "attestation-caf")["status"], "missing");

    for (body, field, code) in [
        (
            json!({"document_type": "passeport"}),
            "document_type",
            "unknown_document_type",
        ),
        (
            json!({"document_type": "dt-polio", "person_id": other_child}),
            "person_id",
            "not_a_member",
        ),
        (
            json!({"document_type": "justificatif-domicile", "person_id": child}),
            "person_id",
            "not_expected",
        ),
        (
            json!({"document_type": "attestation-caf", "person_id": child}),
            "person_id",
            "not_an_adult",
        ),
    ] {
        let response = app.post_auth(&ask, &agent, &body).await;
        assert_eq!(
            field_codes(&problem(response).await),
            [(field.into(), code.into())],
            "{body}"
        );
    }
    // What the request already needs is not asked twice.
    let twice = app
        .post_auth(&ask, &agent, &json!({"document_type": "dt-polio"}))
        .await;
    assert_eq!(
        field_codes(&problem(twice).await),
        [("document_type".into(), "already_required".into())]
    );
    // A closed request needs nothing more.
    for action in ["take", "accept"] {
        let done = app
            .post_auth(
                &format!("/api/agent/requests/{id}/{action}"),
                &agent,
                &json!({}),
            )
            .await;
        assert_eq!(done.status(), StatusCode::OK, "{action}");
    }
    let closed = app
        .post_auth(&ask, &agent, &json!({"document_type": "rib"}))
        .await;
    assert_eq!(closed.status(), StatusCode::CONFLICT);
    // Another family sees nothing of it; a citizen cannot ask.
    let theirs = token(&other);
    assert_eq!(
        app.get_auth(&mine, &theirs).await.status(),
        StatusCode::NOT_FOUND
    );
    let forged = app
        .post_auth(&ask, &theirs, &json!({"document_type": "rib"}))
        .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
}
