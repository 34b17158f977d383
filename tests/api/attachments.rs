//! Files attached to messages: the town hall sends one, the family answers with one, the
//! agent files the family's as the request's DT Polio; nobody else reads them, nothing
//! unsent stays forever, and the limits hold.

use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::documents::{attach, attached, family_with_a_request, pdf};
use tests::TestApp;

use crate::documents::stored_files;
use crate::requests::token;

async fn agent(app: &TestApp) -> String {
    token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    )
}

fn messages_path(request: &Value) -> String {
    format!("/api/agent/requests/{}/messages", request["request"]["id"])
}

/// A first message of the town hall on `request`.
async fn hello(app: &TestApp, agent: &str, request: &Value) -> Value {
    let response = app
        .post_auth(
            &messages_path(request),
            agent,
            &json!({"subject": "Information", "body": "Bonjour."}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

#[tokio::test]
async fn files_go_both_ways_and_the_familys_becomes_the_requests_document() {
    let app = TestApp::spawn().await;
    let (session, child, request) =
        family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let family = token(&session);
    let agent = agent(&app).await;

    // The town hall sends a form to fill in.
    let form = pdf(3000);
    let theirs = attached(&app, &agent, "Formulaire PAI.pdf", form.clone()).await;
    let sent = app
        .post_auth(
            &messages_path(&request),
            &agent,
            &json!({"subject": "PAI", "body": "Voici le formulaire.", "attachments": [theirs]}),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let sent: Value = sent.json().await.unwrap();
    assert_eq!(sent["attachments"][0]["file_name"], "Formulaire PAI.pdf");
    assert_eq!(sent["attachments"][0]["file_kind"], "pdf");
    let message = sent["id"].as_i64().unwrap();

    // The family sees it under the message and downloads it, named as it was sent.
    let list = app.get_json("/api/me/messages", &family).await;
    assert_eq!(list[0]["attachments"][0]["id"], theirs);
    let file = app
        .get_auth(&format!("/api/me/attachments/{theirs}/file"), &family)
        .await;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.headers()["content-type"], "application/pdf");
    assert_eq!(file.headers()["x-content-type-options"], "nosniff");
    assert_eq!(file.headers()["cache-control"], "no-store");
    let disposition = file.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(
        disposition.contains("filename*=UTF-8''Formulaire%20PAI.pdf"),
        "{disposition}"
    );
    assert_eq!(file.bytes().await.unwrap().as_ref(), form.as_slice());

    // It answers with the carnet.
    let carnet = pdf(5000);
    let mine = attached(&app, &family, "carnet DT Polio.pdf", carnet.clone()).await;
    let answer = app
        .post_auth(
            &format!("/api/me/messages/{message}/replies"),
            &family,
            &json!({"body": "Le voici.", "attachments": [mine]}),
        )
        .await;
    assert_eq!(answer.status(), StatusCode::CREATED);
    let thread = app.get_json(&messages_path(&request), &agent).await;
    assert_eq!(thread[1]["attachments"][0]["id"], mine);
    assert_eq!(thread[1]["attachments"][0]["filed_as"], Value::Null);
    let file = app
        .get_auth(&format!("/api/agent/attachments/{mine}/file"), &agent)
        .await;
    assert_eq!(file.bytes().await.unwrap().as_ref(), carnet.as_slice());

    // The agent files it as the child's DT Polio: a document waiting for validation.
    let filed = app
        .post_auth(
            &format!("/api/agent/attachments/{mine}/file-as"),
            &agent,
            &json!({"document_type": "dt-polio"}),
        )
        .await;
    assert_eq!(filed.status(), StatusCode::CREATED);
    let document: Value = filed.json().await.unwrap();
    assert_eq!(document["status"], "pending");
    assert_eq!(document["person_id"], child);
    let doc = document["id"].as_i64().unwrap();
    let copy = app
        .get_auth(&format!("/api/me/documents/{doc}/file"), &family)
        .await;
    assert_eq!(copy.bytes().await.unwrap().as_ref(), carnet.as_slice());
    let required = app.get_json("/api/me/required-documents", &family).await;
    let line = required
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["document_type"] == "dt-polio")
        .unwrap();
    assert_eq!(line["status"], "pending");
    assert_eq!(line["document"]["id"], doc);
    let thread = app.get_json(&messages_path(&request), &agent).await;
    assert_eq!(thread[1]["attachments"][0]["filed_as"], doc);

    // Once only; and only the family's files.
    let again = app
        .post_auth(
            &format!("/api/agent/attachments/{mine}/file-as"),
            &agent,
            &json!({"document_type": "dt-polio"}),
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(problem(again).await["code"], "already_filed");
    let own = app
        .post_auth(
            &format!("/api/agent/attachments/{theirs}/file-as"),
            &agent,
            &json!({"document_type": "dt-polio"}),
        )
        .await;
    assert_eq!(own.status(), StatusCode::CONFLICT);
    assert_eq!(problem(own).await["code"], "not_a_family_attachment");
}

#[tokio::test]
async fn filing_checks_what_the_request_needs() {
    let app = TestApp::spawn().await;
    let (session, _, request) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let family = token(&session);
    let agent = agent(&app).await;
    let sent = hello(&app, &agent, &request).await;
    let mine = attached(&app, &family, "attestation.pdf", pdf(1000)).await;
    app.post_auth(
        &format!("/api/me/messages/{}/replies", sent["id"]),
        &family,
        &json!({"body": "Ci-joint.", "attachments": [mine]}),
    )
    .await;
    let file_as = |body: Value| {
        let (app, agent) = (&app, &agent);
        async move {
            app.post_auth(
                &format!("/api/agent/attachments/{mine}/file-as"),
                agent,
                &body,
            )
            .await
        }
    };
    // A type the Fiche enfant does not ask for, an unknown one, unknown fields.
    for (body, field, code) in [
        (
            json!({"document_type": "attestation-caf"}),
            "document_type",
            "not_required",
        ),
        (
            json!({"document_type": "permis"}),
            "document_type",
            "unknown_document_type",
        ),
        (
            json!({"document_type": "dt-polio", "document_date": "2099-01-01"}),
            "document_date",
            "date_in_future",
        ),
    ] {
        let response = file_as(body.clone()).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}"
        );
        assert_eq!(
            field_codes(&problem(response).await),
            [(field.into(), code.into())],
            "{body}"
        );
    }
    let response = file_as(json!({"document_type": "dt-polio", "valid": true})).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing was filed by the refused tries: no document, no copy.
    assert_eq!(app.get_json("/api/me/documents", &family).await, json!([]));
    assert_eq!(stored_files(&app).len(), 1);
    // A citizen cannot file (agents only), even their own file.
    let response = app
        .post_auth(
            &format!("/api/agent/attachments/{mine}/file-as"),
            &family,
            &json!({"document_type": "dt-polio"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn attachments_stay_within_their_household() {
    let app = TestApp::spawn().await;
    let (mounier, _, request) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let (dupont, _, dupont_request) =
        family_with_a_request(&app, "dupont@yopmail.com", "dupont").await;
    let (mine, theirs) = (token(&mounier), token(&dupont));
    let agent = agent(&app).await;
    let sent = hello(&app, &agent, &request).await;
    let message = sent["id"].as_i64().unwrap();
    let answered = attached(&app, &mine, "carnet.pdf", pdf(1000)).await;
    app.post_auth(
        &format!("/api/me/messages/{message}/replies"),
        &mine,
        &json!({"body": "Ci-joint.", "attachments": [answered]}),
    )
    .await;
    let unsent = attached(&app, &mine, "brouillon.pdf", pdf(1000)).await;
    let agents_unsent = attached(&app, &agent, "note.pdf", pdf(1000)).await;

    // Another household reads none of them, sent or not, by id.
    for id in [answered, unsent, agents_unsent] {
        let response = app
            .get_auth(&format!("/api/me/attachments/{id}/file"), &theirs)
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "attachment {id}");
    }
    // Nor does the family read an agent's file not sent yet.
    let response = app
        .get_auth(&format!("/api/me/attachments/{agents_unsent}/file"), &mine)
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    // The agents' download is for agents.
    let response = app
        .get_auth(&format!("/api/agent/attachments/{answered}/file"), &theirs)
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Nobody sends another account's file, nor a file twice: the answer is refused whole.
    let theirs_message = hello(&app, &agent, &dupont_request).await;
    for (token, on, id) in [
        (&theirs, theirs_message["id"].as_i64().unwrap(), unsent),
        (&mine, message, answered),
        (&mine, message, agents_unsent),
    ] {
        let response = app
            .post_auth(
                &format!("/api/me/messages/{on}/replies"),
                token,
                &json!({"body": "Essai.", "attachments": [id]}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{id}");
        assert_eq!(
            field_codes(&problem(response).await),
            [("attachments".into(), "unknown_attachment".into())]
        );
    }
    let thread = app.get_json(&messages_path(&request), &agent).await;
    assert_eq!(
        thread.as_array().unwrap().len(),
        2,
        "no half-written answer"
    );
}

#[tokio::test]
async fn attachments_have_limits_and_unsent_ones_are_forgotten() {
    let app = TestApp::spawn().await;
    let (session, _, request) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let family = token(&session);
    let agent = agent(&app).await;

    // Decided by the content: a renamed executable is refused and nothing is stored.
    let mut exe = b"MZ\x90\x00".to_vec();
    exe.resize(2000, 0);
    let response = attach(&app, &family, "carnet.pdf", exe).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(response).await),
        [("file".into(), "unsupported_file_type".into())]
    );
    let response = attach(&app, &family, "../../etc/passwd", pdf(100)).await;
    assert_eq!(
        field_codes(&problem(response).await),
        [("file".into(), "invalid_file_name".into())]
    );
    assert_eq!(stored_files(&app).len(), 0);

    // At most ten waiting to be sent, five on a message.
    let mut ids = Vec::new();
    for i in 0..10 {
        ids.push(attached(&app, &agent, &format!("piece {i}.pdf"), pdf(100)).await);
    }
    let response = attach(&app, &agent, "de trop.pdf", pdf(100)).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        problem(response).await["code"],
        "too_many_unsent_attachments"
    );
    let response = app
        .post_auth(
            &messages_path(&request),
            &agent,
            &json!({"subject": "Pièces", "body": "Six fichiers.", "attachments": ids[..6]}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(response).await),
        [("attachments".into(), "too_many_attachments".into())]
    );
    let response = app
        .post_auth(
            &messages_path(&request),
            &agent,
            &json!({"subject": "Pièces", "body": "Cinq fichiers.", "attachments": ids[..5]}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);

    // Unsent for more than a day: the rows go, then their files with the orphans.
    let pool = app.state.pool.clone();
    let purged = tokio::task::spawn_blocking(move || {
        use db::schema::message_attachments as a;
        use diesel::prelude::*;
        let mut conn = pool.get().unwrap();
        diesel::update(a::table.filter(a::message_id.is_null()))
            .set(a::uploaded_at.eq(db::now() - chrono::TimeDelta::hours(25)))
            .execute(&mut *conn)
            .unwrap();
        api::housekeeping::purge(&mut conn).unwrap()
    })
    .await
    .unwrap();
    assert_eq!(purged.attachments, 5);
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for path in stored_files(&app) {
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    let swept = api::housekeeping::sweep_orphans(&app.state).await.unwrap();
    assert_eq!(swept, 5, "the five never sent");
    assert_eq!(stored_files(&app).len(), 5, "the five sent stay");
    // Stored under generated keys: nothing of the sender's file name.
    for path in stored_files(&app) {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let (stem, extension) = name.split_once('.').unwrap();
        assert_eq!(extension, "pdf", "{name}");
        assert!(
            stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()),
            "{name}"
        );
    }
    for id in &ids[5..] {
        let response = app
            .get_auth(&format!("/api/agent/attachments/{id}/file"), &agent)
            .await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    for id in &ids[..5] {
        let response = app
            .get_auth(&format!("/api/me/attachments/{id}/file"), &family)
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
}
