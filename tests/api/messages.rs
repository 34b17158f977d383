//! Messages: the town hall writes on a request, the family is mailed a link, opens it
//! (both sides see it read) and answers; agents see unread answers; nobody else reads.

use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::documents::{family_with_a_request, pdf, upload};
use tests::TestApp;

use crate::requests::token;

async fn write(app: &TestApp, agent: &str, request: &Value, body: Value) -> reqwest::Response {
    app.post_auth(
        &format!("/api/agent/requests/{}/messages", request["request"]["id"]),
        agent,
        &body,
    )
    .await
}

#[tokio::test]
async fn a_message_is_mailed_as_a_link_read_by_the_family_and_answered() {
    let app = TestApp::spawn().await;
    let (session, _, request) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let family = token(&session);
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );

    let sent = write(&app, &agent, &request, json!({"subject": "Demande de justificatifs", "body": "Merci de nous envoyer le carnet DT Polio."})).await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let sent: Value = sent.json().await.unwrap();
    assert_eq!(sent["sender"], "town_hall");
    assert_eq!(sent["read_at"], Value::Null);
    // The mail says there is a message and where, never what it says.
    let mail = app
        .smtp
        .wait_for("mounier@yopmail.com", "nouveau message de la mairie")
        .await;
    assert!(mail.body.contains("/echanges"), "{}", mail.body);
    assert!(!mail.body.contains("carnet DT Polio"), "{}", mail.body);

    assert_eq!(
        app.get_json("/api/me/messages/unread", &family).await,
        json!({"unread": 1})
    );
    let list = app.get_json("/api/me/messages", &family).await;
    assert_eq!(list[0]["subject"], "Demande de justificatifs");
    assert_eq!(list[0]["request"]["procedure_title"], "Fiche enfant");
    assert_eq!(list[0]["author"], "Ville de Quiévrechain");
    // Opening it marks it read, once; the town hall sees when.
    let id = sent["id"].as_i64().unwrap();
    let opened: Value = app
        .post_auth(&format!("/api/me/messages/{id}/read"), &family, &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let read_at = opened["read_at"].as_str().expect("read").to_string();
    let again: Value = app
        .post_auth(&format!("/api/me/messages/{id}/read"), &family, &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["read_at"], read_at.as_str());
    assert_eq!(
        app.get_json("/api/me/messages/unread", &family).await,
        json!({"unread": 0})
    );

    // The family answers; the agents' inbox counts the unread answer until an agent reads it.
    let answer = app
        .post_auth(
            &format!("/api/me/messages/{id}/replies"),
            &family,
            &json!({"body": "Je l'envoie ce soir."}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::CREATED);
    let answer: Value = answer.json().await.unwrap();
    assert_eq!(answer["subject"], "RE : Demande de justificatifs");
    assert_eq!(answer["sender"], "family");
    assert_eq!(answer["author"], "DUPIN Pascal");
    let inbox = app.get_json("/api/agent/requests", &agent).await;
    assert_eq!(inbox["items"][0]["unread_from_family"], 1);
    let thread = app
        .get_json(
            &format!("/api/agent/requests/{}/messages", request["request"]["id"]),
            &agent,
        )
        .await;
    assert_eq!(thread.as_array().unwrap().len(), 2);
    assert_eq!(thread[0]["read_at"], read_at.as_str());
    assert!(
        thread[1]["read_at"].is_string(),
        "the agent read the answer"
    );
    let inbox = app.get_json("/api/agent/requests", &agent).await;
    assert_eq!(inbox["items"][0]["unread_from_family"], 0);
    // The family sees the whole conversation, and that the town hall read its answer.
    let mine = app
        .get_json(&format!("/api/me/messages/{id}/thread"), &family)
        .await;
    assert_eq!(mine.as_array().unwrap().len(), 2);
    assert!(mine[1]["read_at"].is_string());
}

#[tokio::test]
async fn messages_stay_within_their_household_and_refuse_bad_text() {
    let app = TestApp::spawn().await;
    let (mounier, _, request) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let (dupont, _, _) = family_with_a_request(&app, "dupont@yopmail.com", "dupont").await;
    let (mine, theirs) = (token(&mounier), token(&dupont));
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let sent: Value = write(
        &app,
        &agent,
        &request,
        json!({"subject": "Information", "body": "Bonjour."}),
    )
    .await
    .json()
    .await
    .unwrap();
    let id = sent["id"].as_i64().unwrap();

    for (method, path) in [
        ("post", format!("/api/me/messages/{id}/read")),
        ("get", format!("/api/me/messages/{id}/thread")),
        ("post", format!("/api/me/messages/{id}/replies")),
    ] {
        let response = if method == "get" {
            app.get_auth(&path, &theirs).await
        } else {
            app.post_auth(
                &path,
                &theirs,
                &json!({"body": "Je lis le courrier des autres."}),
            )
            .await
        };
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(app.get_json("/api/me/messages", &theirs).await, json!([]));
    assert_eq!(
        app.get_json("/api/me/messages/unread", &theirs).await,
        json!({"unread": 0})
    );
    // Citizens cannot write as the town hall, nor read a request's conversation.
    let forged = write(
        &app,
        &mine,
        &request,
        json!({"subject": "Faux", "body": "Faux"}),
    )
    .await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let peek = app
        .get_auth(
            &format!("/api/agent/requests/{}/messages", request["request"]["id"]),
            &theirs,
        )
        .await;
    assert_eq!(peek.status(), StatusCode::FORBIDDEN);

    // Text that is empty, too long, or carries control or bidi characters; unknown fields.
    for (body, field, code) in [
        (
            json!({"subject": " ", "body": "Bonjour."}),
            "subject",
            "required",
        ),
        (
            json!({"subject": "Ligne\nsuivante", "body": "Bonjour."}),
            "subject",
            "invalid_characters",
        ),
        (
            json!({"subject": "Info", "body": "x".repeat(4001)}),
            "body",
            "too_long",
        ),
        (
            json!({"subject": "Info", "body": "a\u{202e}b"}),
            "body",
            "invalid_characters",
        ),
        (
            json!({"subject": "Info", "body": "Bonjour.", "urgent": true}),
            "urgent",
            "unknown_field",
        ),
    ] {
        let response = write(&app, &agent, &request, body).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
        assert_eq!(
            field_codes(&problem(response).await),
            [(field.into(), code.into())]
        );
    }
    let empty = app
        .post_auth(
            &format!("/api/me/messages/{id}/replies"),
            &mine,
            &json!({"body": ""}),
        )
        .await;
    assert_eq!(
        field_codes(&problem(empty).await),
        [("body".into(), "required".into())]
    );
}

#[tokio::test]
async fn a_refused_document_leaves_the_manuals_message_on_its_request() {
    let app = TestApp::spawn().await;
    let (session, child, request) =
        family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let family = token(&session);
    let agent = token(&app.create_health_staff("agent@mairie.fr", "Anne").await);
    let document: Value = upload(
        &app,
        &family,
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet.pdf",
        pdf(2000),
    )
    .await
    .json()
    .await
    .unwrap();
    let refused = app
        .post_auth(
            &format!("/api/agent/documents/{}/refuse", document["id"]),
            &agent,
            &json!({"text": "Page manquante."}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::OK);
    let list = app.get_json("/api/me/messages", &family).await;
    assert_eq!(list[0]["subject"], "Un justificatif fourni a été refusé");
    assert_eq!(list[0]["request"]["id"], request["request"]["id"]);
    assert!(list[0]["body"]
        .as_str()
        .unwrap()
        .contains("Motif : Page manquante."));
    assert_eq!(
        app.get_json("/api/me/messages/unread", &family).await,
        json!({"unread": 1})
    );
}
