//! "Ma bibliothèque de justificatifs": each document with the requests it served, those
//! closed since included; a replaced document keeps what it served, a refused one served
//! nothing.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::documents::{child_form, family_with_a_request, pdf, upload};
use tests::TestApp;

use crate::agent::act;
use crate::requests::token;

/// The numbers of the requests the library says `document` served.
async fn served(app: &TestApp, family: &str, document: i64) -> Vec<i64> {
    let library = app.get_json("/api/me/documents", family).await;
    let entry = library
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == document)
        .unwrap_or_else(|| panic!("document {document} in {library}"))
        .clone();
    entry["used_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_i64().unwrap())
        .collect()
}

async fn dt_polio(app: &TestApp, family: &str, child: i64) -> i64 {
    let response = upload(
        app,
        family,
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet.pdf",
        pdf(1000),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    body["id"].as_i64().unwrap()
}

#[tokio::test]
async fn the_library_keeps_the_requests_a_document_served_once_they_are_closed() {
    let app = TestApp::spawn().await;
    let (session, child, first) =
        family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let family = token(&session);
    let agent = token(&app.create_health_staff("agent@mairie.fr", "Anne").await);
    let number = |r: &Value| r["request"]["number"].as_i64().unwrap();
    let carnet = dt_polio(&app, &family, child).await;
    let validated = app
        .post_auth(
            &format!("/api/agent/documents/{carnet}/validate"),
            &agent,
            &json!({}),
        )
        .await;
    assert_eq!(validated.status(), StatusCode::OK);
    assert_eq!(served(&app, &family, carnet).await, [number(&first)]);

    // The request is accepted (closed): the library still says the carnet served it.
    let id = first["request"]["id"].as_i64().unwrap();
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
    assert_eq!(
        act(&app, &agent, id, "accept", json!({})).await.status(),
        200
    );
    let required = app.get_json("/api/me/required-documents", &family).await;
    assert_eq!(required, json!([]), "nothing open needs it any more");
    assert_eq!(served(&app, &family, carnet).await, [number(&first)]);

    // A second fiche is served by the same valid carnet.
    let second = child_form(&app, &family, child).await;
    assert_eq!(
        served(&app, &family, carnet).await,
        [number(&first), number(&second)]
    );

    // A refused replacement served nothing, and leaves the carnet's history as it was.
    let blurred = dt_polio(&app, &family, child).await;
    let refused = app
        .post_auth(
            &format!("/api/agent/documents/{blurred}/refuse"),
            &agent,
            &json!({"text": "Illisible."}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::OK);
    assert_eq!(served(&app, &family, blurred).await, Vec::<i64>::new());
    // A new one serves the open fiche from now on; the carnet keeps both.
    let renewed = dt_polio(&app, &family, child).await;
    assert_eq!(served(&app, &family, renewed).await, [number(&second)]);
    assert_eq!(
        served(&app, &family, carnet).await,
        [number(&first), number(&second)]
    );
}
