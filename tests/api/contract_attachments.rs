//! The spec tells the truth about attachments: the upload (multipart), the message that
//! carries one, both downloads and filing one as a document, successes and refusals.

use reqwest::Method;
use serde_json::json;
use tests::documents::{attach, family_with_a_request, pdf};
use tests::TestApp;

use crate::contract::{answer, call, spec};
use crate::requests::token;

#[tokio::test]
async fn attachment_answers_match_the_spec() {
    let app = TestApp::spawn().await;
    let spec = spec();
    let s = &spec;
    let (session, _, request) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let t = Some(citizen.as_str());
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", domain::auth::Role::Agent)
            .await,
    );
    let a = Some(agent.as_str());
    let upload = "/api/me/attachments";
    let mut ids = Vec::new();
    for (file, status) in [(pdf(3000), 201), (Vec::new(), 422)] {
        let sent = attach(&app, &citizen, "carnet.pdf", file).await;
        let (code, body) = answer(s, Method::POST, upload, upload, sent).await;
        assert_eq!(code, status);
        ids.extend(body["id"].as_i64());
    }
    let rid = request["request"]["id"].as_i64().unwrap();
    let write = format!("/api/agent/requests/{rid}/messages");
    let template = "/api/agent/requests/{id}/messages";
    let body = json!({"subject": "Information", "body": "Bonjour."});
    let (_, message) = call(&app, s, Method::POST, template, &write, a, Some(body)).await;
    let reply = format!("/api/me/messages/{}/replies", message["id"]);
    let template = "/api/me/messages/{id}/replies";
    for (attachments, status) in [(json!([999_999]), 422), (json!(ids), 201)] {
        let body = json!({"body": "Ci-joint.", "attachments": attachments});
        let (code, _) = call(&app, s, Method::POST, template, &reply, t, Some(body)).await;
        assert_eq!(code, status);
    }
    let id = ids[0];
    for (who, prefix) in [(t, "/api/me"), (a, "/api/agent")] {
        let template = format!("{prefix}/attachments/{{id}}/file");
        for (path, status) in [
            (format!("{prefix}/attachments/{id}/file"), 200),
            (format!("{prefix}/attachments/999999/file"), 404),
        ] {
            let (code, _) = call(&app, s, Method::GET, &template, &path, who, None).await;
            assert_eq!(code, status, "{path}");
        }
    }
    let file_as = format!("/api/agent/attachments/{id}/file-as");
    let template = "/api/agent/attachments/{id}/file-as";
    for (body, status) in [
        (json!({"document_type": "permis"}), 422),
        (json!({"document_type": "dt-polio"}), 201),
        (json!({"document_type": "dt-polio"}), 409),
    ] {
        let (code, _) = call(&app, s, Method::POST, template, &file_as, a, Some(body)).await;
        assert_eq!(code, status);
    }
}
