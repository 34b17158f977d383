//! The spec tells the truth about documents and messages too: every answer of their
//! endpoints, successes and refusals, matches the schema the spec gives it.

use reqwest::Method;
use serde_json::json;
use tests::TestApp;

use crate::contract::{answer, call, spec};
use crate::requests::token;

#[tokio::test]
async fn document_answers_match_the_spec() {
    let app = TestApp::spawn().await;
    let spec = spec();
    let s = &spec;
    let (session, child, _) =
        crate::documents::family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let citizen = token(&session);
    let t = Some(citizen.as_str());
    let get = Method::GET;
    for template in ["/api/document-types", "/api/me/required-documents"] {
        call(&app, s, get.clone(), template, template, t, None).await;
    }
    let slot = format!("document_type=dt-polio&person_id={child}");
    for (file, status) in [(crate::documents::pdf(3000), 201), (Vec::new(), 422)] {
        let sent = crate::documents::upload(&app, &citizen, &slot, "carnet.pdf", file).await;
        let (code, _) = answer(
            s,
            Method::POST,
            "/api/me/documents",
            "/api/me/documents",
            sent,
        )
        .await;
        assert_eq!(code, status);
    }
    let (_, library) = call(
        &app,
        s,
        get.clone(),
        "/api/me/documents",
        "/api/me/documents",
        t,
        None,
    )
    .await;
    let id = library[0]["id"].as_i64().unwrap();
    let file = format!("/api/me/documents/{id}/file");
    call(
        &app,
        s,
        get.clone(),
        "/api/me/documents/{id}/file",
        &file,
        t,
        None,
    )
    .await;
    let agent = token(&app.create_health_staff("agent@mairie.fr", "Anne").await);
    let a = Some(agent.as_str());
    call(
        &app,
        s,
        get.clone(),
        "/api/agent/documents",
        "/api/agent/documents",
        a,
        None,
    )
    .await;
    let file = format!("/api/agent/documents/{id}/file");
    call(
        &app,
        s,
        get.clone(),
        "/api/agent/documents/{id}/file",
        &file,
        a,
        None,
    )
    .await;
    let refuse = format!("/api/agent/documents/{id}/refuse");
    let (status, _) = call(
        &app,
        s,
        Method::POST,
        "/api/agent/documents/{id}/refuse",
        &refuse,
        a,
        Some(json!({"text": ""})),
    )
    .await;
    assert_eq!(status, 422);
    let request = crate::documents::child_form(&app, &citizen, child).await;
    let rid = request["request"]["id"].as_i64().unwrap();
    let docs = format!("/api/requests/{rid}/documents");
    call(
        &app,
        s,
        get.clone(),
        "/api/requests/{id}/documents",
        &docs,
        t,
        None,
    )
    .await;
    let agent_docs = format!("/api/agent/requests/{rid}/documents");
    call(
        &app,
        s,
        get.clone(),
        "/api/agent/requests/{id}/documents",
        &agent_docs,
        a,
        None,
    )
    .await;
    let ask = format!("/api/agent/requests/{rid}/document-requests");
    for (body, status) in [
        (json!({"document_type": "rib"}), 201),
        (json!({"document_type": "x"}), 422),
    ] {
        let (code, _) = call(
            &app,
            s,
            Method::POST,
            "/api/agent/requests/{id}/document-requests",
            &ask,
            a,
            Some(body),
        )
        .await;
        assert_eq!(code, status);
    }
    let on_request = format!("/api/agent/requests/{}/messages", request["request"]["id"]);
    let message = json!({"subject": "Information", "body": "Bonjour."});
    let (_, written) = call(
        &app,
        s,
        Method::POST,
        "/api/agent/requests/{id}/messages",
        &on_request,
        a,
        Some(message),
    )
    .await;
    call(
        &app,
        s,
        get.clone(),
        "/api/agent/requests/{id}/messages",
        &on_request,
        a,
        None,
    )
    .await;
    for template in ["/api/me/messages", "/api/me/messages/unread"] {
        call(&app, s, get.clone(), template, template, t, None).await;
    }
    let mid = written["id"].as_i64().unwrap();
    let read = format!("/api/me/messages/{mid}/read");
    call(
        &app,
        s,
        Method::POST,
        "/api/me/messages/{id}/read",
        &read,
        t,
        None,
    )
    .await;
    let thread = format!("/api/me/messages/{mid}/thread");
    call(
        &app,
        s,
        get.clone(),
        "/api/me/messages/{id}/thread",
        &thread,
        t,
        None,
    )
    .await;
    let replies = format!("/api/me/messages/{mid}/replies");
    for (body, status) in [(json!({"body": "Merci."}), 201), (json!({"body": ""}), 422)] {
        let (code, _) = call(
            &app,
            s,
            Method::POST,
            "/api/me/messages/{id}/replies",
            &replies,
            t,
            Some(body),
        )
        .await;
        assert_eq!(code, status);
    }
    let validate = format!("/api/agent/documents/{id}/validate");
    for status in [200, 409] {
        let (code, _) = call(
            &app,
            s,
            Method::POST,
            "/api/agent/documents/{id}/validate",
            &validate,
            a,
            Some(json!({})),
        )
        .await;
        assert_eq!(code, status);
    }
}
