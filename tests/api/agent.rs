//! The agents' side: inbox, take, comment, refuse, households.

use domain::auth::Role;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

use crate::requests::{room_rental, submitted, token};

pub async fn act(
    app: &TestApp,
    agent: &str,
    id: i64,
    action: &str,
    body: Value,
) -> reqwest::Response {
    app.post_auth(&format!("/api/agent/requests/{id}/{action}"), agent, &body)
        .await
}

#[tokio::test]
async fn citizens_cannot_use_the_agent_endpoints() {
    let app = TestApp::spawn().await;
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let response = app.get_auth("/api/agent/requests", &citizen).await;
    assert_eq!(response.status(), 403);
    assert_eq!(problem(response).await["code"], "forbidden");
    assert_eq!(app.get("/api/agent/requests").await.status(), 401);
    let body = json!({"civility": "madame", "first_name": "Anne", "birth_name": "Agent", "email": "a@mairie.fr", "role": "agent"});
    assert_eq!(
        app.post_auth("/api/admin/staff", &citizen, &body)
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn the_inbox_lists_sent_requests_with_filters_and_paging() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let first = submitted(&app, &pascal).await;
    let second = submitted(&app, &pascal).await;
    app.post_auth("/api/requests", &pascal, &room_rental(3))
        .await; // a draft: private
    let page: Value = app.get_json("/api/agent/requests", &agent).await;
    assert_eq!(page["total"], 2);
    assert_eq!(
        page["items"][0]["id"], second["request"]["id"],
        "latest number first"
    );
    assert_eq!(page["items"][1]["id"], first["request"]["id"]);

    let one: Value = app
        .get_json("/api/agent/requests?per_page=1&page=2", &agent)
        .await;
    assert_eq!(one["items"].as_array().unwrap().len(), 1);
    assert_eq!(one["items"][0]["id"], first["request"]["id"]);

    act(
        &app,
        &agent,
        first["request"]["id"].as_i64().unwrap(),
        "take",
        json!({}),
    )
    .await;
    let taken: Value = app
        .get_json("/api/agent/requests?status=in_progress", &agent)
        .await;
    assert_eq!(taken["total"], 1);
    let by_name: Value = app.get_json("/api/agent/requests?person=dup", &agent).await;
    assert_eq!(by_name["total"], 2);
    let nobody: Value = app
        .get_json("/api/agent/requests?person=zorro", &agent)
        .await;
    assert_eq!(nobody["total"], 0);
    let by_procedure: Value = app
        .get_json(
            "/api/agent/requests?procedure=location-salle-des-fetes&from=2000-01-01&to=2099-12-31",
            &agent,
        )
        .await;
    assert_eq!(by_procedure["total"], 2);
    let future: Value = app
        .get_json("/api/agent/requests?from=2099-01-01", &agent)
        .await;
    assert_eq!(future["total"], 0);
    // Days outside 1900-2100 are refused, never a 500.
    for bad in ["from=2999-01-01", "to=%2B262142-12-31", "from=-5000-01-01"] {
        let response = app
            .get_auth(&format!("/api/agent/requests?{bad}"), &agent)
            .await;
        assert!(
            response.status().is_client_error(),
            "{bad}: {}",
            response.status()
        );
        problem(response).await;
    }

    let bad = app
        .get_auth("/api/agent/requests?status=perdu", &agent)
        .await;
    assert_eq!(bad.status(), 400);
    assert_eq!(problem(bad).await["code"], "invalid_query");
    let bad = app
        .get_auth("/api/agent/requests?per_page=1000", &agent)
        .await;
    assert_eq!(
        field_codes(&problem(bad).await),
        [("per_page".into(), "invalid_value".into())]
    );
}

#[tokio::test]
async fn taking_a_request_locks_it_for_the_citizen_and_tells_them() {
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
    let number = request["request"]["number"].as_i64().unwrap();
    let taken = act(&app, &agent, id, "take", json!({})).await;
    assert_eq!(taken.status(), 200);
    let taken: Value = taken.json().await.unwrap();
    assert_eq!(taken["request"]["status"], "in_progress");
    assert_eq!(taken["history"][2]["by"], "AGENT Anne");
    app.smtp
        .wait_for("dupin@yopmail.com", &format!("votre demande n° {number}"))
        .await;

    let edit = app
        .put_auth(&format!("/api/requests/{id}"), &pascal, &room_rental(5))
        .await;
    assert_eq!(edit.status(), 409);
    assert_eq!(problem(edit).await["code"], "request_locked");
    let again = act(&app, &agent, id, "take", json!({})).await;
    assert_eq!(problem(again).await["code"], "invalid_transition");
}

#[tokio::test]
async fn refusing_needs_a_reason_that_the_citizen_reads() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let id = submitted(&app, &pascal).await["request"]["id"]
        .as_i64()
        .unwrap();
    act(&app, &agent, id, "take", json!({})).await;
    let empty = act(&app, &agent, id, "refuse", json!({"text": "  "})).await;
    assert_eq!(
        field_codes(&problem(empty).await),
        [("text".into(), "required".into())]
    );
    let refused = act(
        &app,
        &agent,
        id,
        "refuse",
        json!({"text": "La salle est déjà réservée ce jour-là."}),
    )
    .await;
    assert_eq!(refused.status(), 200);
    let detail: Value = app.get_json(&format!("/api/requests/{id}"), &pascal).await;
    assert_eq!(detail["request"]["status"], "refused");
    assert_eq!(
        detail["refusal_reason"],
        "La salle est déjà réservée ce jour-là."
    );
    assert_eq!(detail["editable"], false);
    let comment = act(
        &app,
        &agent,
        id,
        "comments",
        json!({"text": "Une autre date est libre le 19 juin."}),
    )
    .await;
    assert_eq!(comment.status(), 200);
    let detail: Value = app.get_json(&format!("/api/requests/{id}"), &pascal).await;
    let last = detail["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["comment"], "Une autre date est libre le 19 juin.");
    assert_eq!(last["from"], last["to"]);
}

#[tokio::test]
async fn agents_read_households_but_never_drafts() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let draft: Value = app
        .post_auth("/api/requests", &pascal, &room_rental(3))
        .await
        .json()
        .await
        .unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    assert_eq!(
        app.get_auth(&format!("/api/agent/requests/{id}"), &agent)
            .await
            .status(),
        404
    );
    let sent = submitted(&app, &pascal).await;
    let household = sent["household_id"].as_i64().unwrap();
    let profile: Value = app
        .get_json(&format!("/api/agent/households/{household}"), &agent)
        .await;
    assert_eq!(profile["civil"]["birth_name"], "Dupin");
    assert_eq!(profile["contacts"]["email"], "dupin@yopmail.com");
    assert_eq!(
        app.get_auth("/api/agent/households/999999", &agent)
            .await
            .status(),
        404
    );
}
