//! Justificatifs for tests: a PDF-looking file, an upload, a family whose "Fiche enfant"
//! needs documents.

use reqwest::multipart::{Form, Part};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};

use crate::{people, TestApp};

fn token(session: &Value) -> String {
    session["access_token"].as_str().unwrap().to_string()
}

/// The start of a real PDF, then filler: the content decides, not the name.
pub fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    bytes.resize(size.max(bytes.len()), b' ');
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

pub async fn upload(
    app: &TestApp,
    token: &str,
    query: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Response {
    let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_string()));
    app.client
        .post(app.url(&format!("/api/me/documents?{query}")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Uploads a file to attach to the next message of `token`'s account.
pub async fn attach(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> Response {
    let form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_string()));
    app.client
        .post(app.url("/api/me/attachments"))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// [`attach`], which must succeed: the attachment's id.
pub async fn attached(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>) -> i64 {
    let response = attach(app, token, name, bytes).await;
    assert_eq!(response.status(), reqwest::StatusCode::CREATED);
    let body: serde_json::Value = response.json().await.unwrap();
    body["id"].as_i64().unwrap()
}

/// A citizen with a child, and a "Fiche enfant" sent for the child; returns the
/// session, the child's person id and the request.
pub async fn family_with_a_request(app: &TestApp, email: &str, login: &str) -> (Value, i64, Value) {
    let session = app.create_account(email, login, people::PASSWORD).await;
    let account = session["account"]["id"].as_i64().unwrap();
    let child = app.add_child(&[account], "Éric", "Mounier", true).await;
    let request = child_form(app, &token(&session), child).await;
    (session, child, request)
}

/// A "Fiche enfant" sent for `child` (with a PAI, where the commune asks).
pub async fn child_form(app: &TestApp, token: &str, child: i64) -> Value {
    let procedure = app.get_json("/api/procedures/fiche-enfant", token).await;
    let mut answers = fiche_answers(&procedure, json!(child));
    if answers.get("pai").is_some() {
        answers["pai"] = json!(true);
    }
    if has_field(&procedure, "guardian") {
        answers["guardian"] = holder_person(app, token).await;
    }
    let draft: Value = app
        .post_auth(
            "/api/requests",
            token,
            &json!({"procedure": "fiche-enfant", "person_id": child, "answers": answers}),
        )
        .await
        .json()
        .await
        .unwrap();
    let sent = app
        .post_auth(
            &format!("/api/requests/{}/submit", draft["request"]["id"]),
            token,
            &json!({}),
        )
        .await;
    assert_eq!(sent.status(), StatusCode::OK);
    sent.json().await.unwrap()
}

/// Answers to the commune's "Fiche enfant" for `child` (a person id or a new child): the
/// first school year and school, CP, the canteen, no PAI, "Non" to the other yes/no
/// questions, the first choice of the other lists, a new address, signed; the message form's subject and
/// message where the commune's fiche is still that form.
pub fn fiche_answers(procedure: &Value, child: Value) -> Value {
    let fields: Vec<Value> = procedure["form"]["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["fields"].as_array().cloned().unwrap_or_default())
        .collect();
    let first_choice = |name: &str| {
        fields
            .iter()
            .find(|f| f["name"] == name)
            .map(|f| f["choices"][0]["value"].clone())
    };
    let mut answers = json!({});
    for field in &fields {
        let name = field["name"].as_str().unwrap();
        let answer = match name {
            "child" => child.clone(),
            "subject" => json!("Inscription"),
            "message" => json!("Cantine et mercredis."),
            "school_year" | "establishment" => first_choice(name).unwrap(),
            "level" => json!("CP"),
            "activities" => json!(["restauration-scolaire"]),
            "pai" => json!(false),
            _ => match field["kind"].as_str() {
                // "Non" to every other question (authorisations, other situation).
                Some("yes_no") => json!(false),
                Some("select") if field["required"] == true => first_choice(name).unwrap(),
                Some("signature") => json!({"certified": true, "name": "DUPIN Pascal"}),
                Some("address") => json!({"name": "Adresse principale", "country": "France",
                    "city": "Hesdigneul-lès-Boulogne", "postal_code": "62360",
                    "street_number": "12", "street": "Rue des Buissons Fleuris"}),
                _ => continue,
            },
        };
        answers[name] = answer;
    }
    answers
}

/// The titles of the procedure's form steps.
pub fn step_titles(procedure: &Value) -> Vec<String> {
    procedure["form"]["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| s["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Whether the procedure's form has a field of that name.
pub fn has_field(procedure: &Value, name: &str) -> bool {
    procedure["form"]["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["fields"].as_array().cloned().unwrap_or_default())
        .any(|f| f["name"] == name)
}

/// The person id of the account holder of the caller's household.
pub async fn holder_person(app: &TestApp, token: &str) -> Value {
    let profile = app.get_json("/api/me/profile", token).await;
    profile["household"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["role"] == "account_holder")
        .unwrap()["person_id"]
        .clone()
}

/// Saves a "Fiche enfant" with these answers as a draft and sends it: the submission's
/// response (or the draft's, when the draft is refused).
pub async fn send_fiche(app: &TestApp, token: &str, answers: &Value) -> Response {
    let draft = app
        .post_auth(
            "/api/requests",
            token,
            &json!({"procedure": "fiche-enfant", "answers": answers}),
        )
        .await;
    if draft.status() != StatusCode::CREATED {
        return draft;
    }
    let draft: Value = draft.json().await.unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    app.post_auth(&format!("/api/requests/{id}/submit"), token, &json!({}))
        .await
}

/// A commune's test app with a family (pascal.dupin) and an agent (Anne): the app and
/// their access tokens.
pub async fn commune_with_family_and_agent(commune: &str) -> (TestApp, String, String) {
    let app = TestApp::spawn_for_commune(commune).await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", domain::auth::Role::Agent)
        .await;
    let token = |s: &Value| s["access_token"].as_str().unwrap().to_string();
    let (citizen, agent) = (token(&session), token(&agent));
    (app, citizen, agent)
}
