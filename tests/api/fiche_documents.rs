//! The documents a fiche enfant needs, provided while filling it in: a child's document
//! for a child not yet in the household waits on the fiche, and concerns the child once
//! the fiche is accepted; a later fiche for that child finds it already provided.

use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::documents::{pdf, upload};
use tests::TestApp;

use crate::agent::act;
use crate::documents::line;
use crate::fiche_hesdigneul::{answers, family};
use crate::requests::token;

async fn draft(app: &TestApp, citizen: &str, answers: &Value) -> i64 {
    let saved = app
        .post_auth(
            "/api/requests",
            citizen,
            &json!({"procedure": "fiche-enfant", "answers": answers}),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::CREATED);
    let saved: Value = saved.json().await.unwrap();
    saved["request"]["id"].as_i64().unwrap()
}

async fn documents(app: &TestApp, citizen: &str, id: i64) -> Value {
    app.get_json(&format!("/api/requests/{id}/documents"), citizen)
        .await
}

#[tokio::test]
async fn a_document_for_the_child_a_fiche_adds_is_the_childs_once_the_fiche_is_accepted() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let citizen = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let answers = answers(&app, &citizen).await;
    let id = draft(&app, &citizen, &answers).await;

    // The draft already lists what the fiche needs: Tim's documents name him, by the fiche.
    let needed = documents(&app, &citizen, id).await;
    let kinds: Vec<&str> = needed
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["document_type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "livret-famille",
            "attestation-caf",
            "justificatif-domicile",
            "assurance-rc"
        ]
    );
    let livret = line(&needed, "livret-famille");
    assert_eq!(
        (
            &livret["status"],
            &livret["concerned"],
            &livret["person_id"],
            &livret["request_id"]
        ),
        (
            &json!("missing"),
            &json!("DUPIN Tim"),
            &Value::Null,
            &json!(id)
        )
    );
    assert_eq!(line(&needed, "attestation-caf")["request_id"], Value::Null);

    // Given for the fiche: the document waits for the town hall, in Tim's name.
    let sent = upload(
        &app,
        &citizen,
        &format!("document_type=livret-famille&request_id={id}"),
        "livret.pdf",
        pdf(5_000),
    )
    .await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let document: Value = sent.json().await.unwrap();
    assert_eq!(
        (&document["concerned"], &document["person_id"]),
        (&json!("DUPIN Tim"), &Value::Null)
    );
    let needed = documents(&app, &citizen, id).await;
    assert_eq!(line(&needed, "livret-famille")["status"], "pending");
    assert_eq!(line(&needed, "assurance-rc")["status"], "missing");

    // Sent, the fiche's documents are in "Mes justificatifs à fournir" too.
    let submitted = app
        .post_auth(&format!("/api/requests/{id}/submit"), &citizen, &json!({}))
        .await;
    assert_eq!(submitted.status(), StatusCode::OK);
    let required = app.get_json("/api/me/required-documents", &citizen).await;
    assert_eq!(line(&required, "livret-famille")["request_id"], json!(id));
    assert_eq!(line(&required, "livret-famille")["status"], "pending");

    // The agent validates it, then accepts the fiche: Tim joins the household with it.
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let document = document["id"].as_i64().unwrap();
    let validated = app
        .post_auth(
            &format!("/api/agent/documents/{document}/validate"),
            &agent,
            &json!({}),
        )
        .await;
    assert_eq!(validated.status(), StatusCode::OK);
    let seen = app
        .get_json(&format!("/api/agent/requests/{id}/documents"), &agent)
        .await;
    assert_eq!(line(&seen, "livret-famille")["status"], "valid");
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
    assert_eq!(
        act(&app, &agent, id, "accept", json!({})).await.status(),
        200
    );
    let profile = app.get_json("/api/me/profile", &citizen).await;
    let tim = profile["household"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["first_name"] == "Tim")
        .expect("Tim joined the household")["person_id"]
        .clone();
    let library = app.get_json("/api/me/documents", &citizen).await;
    assert_eq!(
        (&library[0]["person_id"], &library[0]["concerned"]),
        (&tim, &json!("DUPIN Tim"))
    );

    // Next year's fiche for Tim finds it already provided and valid.
    let mut renewal = answers.clone();
    renewal["child"] = tim.clone();
    let next = draft(&app, &citizen, &renewal).await;
    let needed = documents(&app, &citizen, next).await;
    let livret = line(&needed, "livret-famille");
    assert_eq!(
        (
            &livret["status"],
            &livret["person_id"],
            &livret["document"]["id"]
        ),
        (&json!("valid"), &tim, &json!(document))
    );
}

#[tokio::test]
async fn only_a_childs_document_for_the_households_own_open_fiche_waits_on_it() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let citizen = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let id = draft(&app, &citizen, &answers(&app, &citizen).await).await;
    let refused = |query: String, who: String| {
        let app = &app;
        async move {
            let response = upload(app, &who, &query, "livret.pdf", pdf(3_000)).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{query}"
            );
            field_codes(&problem(response).await)
        }
    };
    let code = |field: &str, code: &str| vec![(field.to_string(), code.to_string())];
    // Another household's fiche is not a place to put a document.
    let other = family(&app, "martin@yopmail.com", "luc.martin").await;
    assert_eq!(
        refused(
            format!("document_type=livret-famille&request_id={id}"),
            other.clone()
        )
        .await,
        code("request_id", "invalid_value")
    );
    // Nor a household's document, nor one that already names a person.
    assert_eq!(
        refused(
            format!("document_type=justificatif-domicile&request_id={id}"),
            citizen.clone()
        )
        .await,
        code("request_id", "not_expected")
    );
    let holder = tests::documents::holder_person(&app, &citizen).await;
    assert_eq!(
        refused(
            format!("document_type=attestation-caf&person_id={holder}&request_id={id}"),
            citizen.clone()
        )
        .await,
        code("request_id", "not_expected")
    );
    // Nor a request that adds no child.
    let general = app
        .post_auth(
            "/api/requests",
            &citizen,
            &json!({"procedure": "contacter-la-mairie", "answers": {"subject": "Question", "message": "Bonjour"}}),
        )
        .await;
    assert_eq!(general.status(), StatusCode::CREATED);
    let general: Value = general.json().await.unwrap();
    let general = general["request"]["id"].as_i64().unwrap();
    assert_eq!(
        refused(
            format!("document_type=livret-famille&request_id={general}"),
            citizen.clone()
        )
        .await,
        code("request_id", "invalid_value")
    );
    // Nothing was stored by the refusals.
    assert_eq!(app.get_json("/api/me/documents", &citizen).await, json!([]));
    assert_eq!(app.get_json("/api/me/documents", &other).await, json!([]));
}

#[tokio::test]
async fn deleting_a_draft_forgets_what_waited_on_it_and_naming_a_known_child_gives_it_hers() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", tests::people::PASSWORD)
        .await;
    let (citizen, account) = (token(&session), session["account"]["id"].as_i64().unwrap());
    let answers = answers(&app, &citizen).await;
    let query = |id: i64| format!("document_type=livret-famille&request_id={id}");

    let first = draft(&app, &citizen, &answers).await;
    let sent = upload(&app, &citizen, &query(first), "livret.pdf", pdf(3_000)).await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let deleted = app
        .delete_auth(&format!("/api/requests/{first}"), &citizen)
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get_json("/api/me/documents", &citizen).await, json!([]));

    // A draft for a new child, then changed to name a child already in the household:
    // the document given for the new child is that child's.
    let second = draft(&app, &citizen, &answers).await;
    let sent = upload(&app, &citizen, &query(second), "livret.pdf", pdf(3_000)).await;
    assert_eq!(sent.status(), StatusCode::CREATED);
    let child = app.add_child(&[account], "Léa", "Dupin", false).await;
    let mut changed = answers.clone();
    changed["child"] = json!(child);
    let saved = app
        .put_auth(
            &format!("/api/requests/{second}"),
            &citizen,
            &json!({"procedure": "fiche-enfant", "answers": changed}),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let library = app.get_json("/api/me/documents", &citizen).await;
    assert_eq!(library[0]["person_id"], json!(child));
    let needed = documents(&app, &citizen, second).await;
    assert_eq!(line(&needed, "livret-famille")["status"], "pending");
}
