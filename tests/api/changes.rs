//! What accepting a request changes: civil data, social data, household members, and the
//! school enrolment certificate of a child added that way.

use domain::auth::Role;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

use crate::agent::act;
use crate::requests::token;

/// Answers of "Mise à jour d'une filiation" declaring a child.
/// Text without its spaces and line breaks: lines of a PDF break where spaces were.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect()
}

pub fn child(
    first_name: &str,
    sex: &str,
    birth_date: &str,
    birth_city: &str,
    department: &str,
) -> Value {
    json!({
        "relation": "child", "sex": sex, "birth_name": "Dupin", "first_name": first_name,
        "birth_date": birth_date, "birth_country": "France", "birth_city": birth_city, "birth_department": department,
    })
}

/// Sends a request of `procedure` with `answers`, has an agent take and accept it.
pub async fn accepted(
    app: &TestApp,
    citizen: &str,
    agent: &str,
    procedure: &str,
    answers: Value,
) -> Value {
    let draft = app
        .post_auth(
            "/api/requests",
            citizen,
            &json!({"procedure": procedure, "answers": answers}),
        )
        .await;
    assert_eq!(draft.status(), 201, "{}", draft.text().await.unwrap());
    let draft: Value = draft.json().await.unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    assert_eq!(
        app.post_auth(&format!("/api/requests/{id}/submit"), citizen, &json!({}))
            .await
            .status(),
        200
    );
    assert_eq!(act(app, agent, id, "take", json!({})).await.status(), 200);
    let done = act(app, agent, id, "accept", json!({})).await;
    assert_eq!(done.status(), 200);
    done.json().await.unwrap()
}

#[tokio::test]
async fn accepting_a_personal_data_update_applies_it_to_the_profile() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let body = json!({"procedure": "mise-a-jour-informations-personnelles", "answers": {"usage_name": "Dupin-Martin", "reason": "Mariage"}});
    let draft: Value = app
        .post_auth("/api/requests", &pascal, &body)
        .await
        .json()
        .await
        .unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    app.post_auth(&format!("/api/requests/{id}/submit"), &pascal, &json!({}))
        .await;

    let early = act(&app, &agent, id, "accept", json!({})).await;
    assert_eq!(
        problem(early).await["code"],
        "invalid_transition",
        "take it first"
    );
    act(&app, &agent, id, "take", json!({})).await;
    let before: Value = app.get_json("/api/me/profile", &pascal).await;
    assert_eq!(before["civil"]["usage_name"], Value::Null);
    let accepted = act(
        &app,
        &agent,
        id,
        "accept",
        json!({"comment": "Bienvenue Madame."}),
    )
    .await;
    assert_eq!(accepted.status(), 200);
    let accepted: Value = accepted.json().await.unwrap();
    assert_eq!(accepted["request"]["status"], "closed");

    let after: Value = app.get_json("/api/me/profile", &pascal).await;
    assert_eq!(after["civil"]["usage_name"], "Dupin-Martin");
    assert_eq!(
        after["civil"]["birth_name"], "Dupin",
        "fields left empty are unchanged"
    );
    let mine: Value = app.get_json("/api/requests", &pascal).await;
    assert_eq!(mine["done"][0]["id"], id);
    // The second mail about it (after "taken") tells the decision and the comment.
    let subject = format!("votre demande n° {}", draft["request"]["number"]);
    let mail = app
        .smtp
        .wait_for_nth("dupin@yopmail.com", &subject, 1)
        .await;
    assert!(mail.body.contains("acceptée"), "{}", mail.body);
    assert!(mail.body.contains("Bienvenue Madame."), "{}", mail.body);
}

#[tokio::test]
async fn an_accepted_filiation_adds_the_child_to_the_household_with_its_relation() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let answers = child("Tim", "male", "2016-01-01", "Boulogne-sur-Mer", "62");
    accepted(&app, &pascal, &agent, "mise-a-jour-filiation", answers).await;
    let profile: Value = app.get_json("/api/me/profile", &pascal).await;
    let members: Vec<(String, String)> = profile["household"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["first_name"].as_str().unwrap().into(),
                m["role"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        members,
        [
            ("Pascal".into(), "account_holder".into()),
            ("Tim".into(), "child".into())
        ]
    );
    assert_eq!(profile["relations"][0]["role"], "legal_guardian");
    assert_eq!(profile["relations"][0]["related_person_name"], "DUPIN Tim");
}

#[tokio::test]
async fn an_accepted_social_data_update_fills_the_social_card_in_cents() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let answers = json!({"caf_number": "1234567", "family_quotient": 650, "monthly_income": 2100, "regime": "Régime général"});
    accepted(
        &app,
        &pascal,
        &agent,
        "mise-a-jour-donnees-sociales",
        answers,
    )
    .await;
    let social: Value = app.get_json("/api/me/profile", &pascal).await;
    let social = &social["social"];
    assert_eq!(social["caf_number"], "1234567");
    assert_eq!(social["family_quotient"], 650);
    assert_eq!(social["monthly_income"], 210_000);
    assert_eq!(social["regime"], "Régime général");
    assert_eq!(
        social["reference_tax_income"],
        Value::Null,
        "what was not answered stays empty"
    );
}

#[tokio::test]
async fn an_enrolled_child_has_a_downloadable_certificate_for_its_household_only() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let marie = token(
        &app.create_account("marie@yopmail.com", "marie.diva", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let answers = child("Léa", "female", "2017-05-04", "Valenciennes", "59");
    accepted(&app, &pascal, &agent, "mise-a-jour-filiation", answers).await;
    let profile: Value = app.get_json("/api/me/profile", &pascal).await;
    let child = profile["household"][1]["person_id"].as_i64().unwrap();

    let bad = app
        .post_auth(
            &format!("/api/agent/persons/{child}/enrolments"),
            &agent,
            &json!({"school_year": "2026-2028", "establishment": "École", "level": "CE2"}),
        )
        .await;
    assert_eq!(
        field_codes(&problem(bad).await),
        [("school_year".into(), "invalid_school_year".into())]
    );
    let enrolment = app
        .post_auth(
            &format!("/api/agent/persons/{child}/enrolments"),
            &agent,
            &json!({"school_year": "2026-2027", "establishment": "École Jules Ferry", "level": "CE2", "class_name": "CE2 B"}),
        )
        .await;
    assert_eq!(enrolment.status(), 201);
    let enrolment: Value = enrolment.json().await.unwrap();
    let profile: Value = app.get_json("/api/me/profile", &pascal).await;
    assert_eq!(profile["schooled_children"][0]["child_name"], "DUPIN Léa");
    assert_eq!(profile["schooled_children"][0]["class_name"], "CE2 B");

    let path = format!("/api/me/enrolments/{}/certificate", enrolment["id"]);
    let response = app.get_auth(&path, &pascal).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("certificat-inscription-lea-2026-2027.pdf"));
    let bytes = response.bytes().await.unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("a readable PDF");
    for expected in [
        "CERTIFICAT D'INSCRIPTION SCOLAIRE",
        "Léa DUPIN",
        "née",
        "École Jules Ferry",
        "CE2 B",
        "Quiévrechain",
    ] {
        let expected = if expected == "née" {
            "né(e) le 04/05/2017 à Valenciennes (59)"
        } else {
            expected
        };
        assert!(
            squeeze(&text).contains(&squeeze(expected)),
            "«{expected}» in «{text}»"
        );
    }
    // Another household cannot download it.
    assert_eq!(app.get_auth(&path, &marie).await.status(), 404);
}

#[tokio::test]
async fn an_accepted_filiation_with_an_invalid_identity_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let answers = child("R2D2", "male", "2016-01-01", "Boulogne-sur-Mer", "62");
    let draft: Value = app
        .post_auth(
            "/api/requests",
            &pascal,
            &json!({"procedure": "mise-a-jour-filiation", "answers": answers}),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    app.post_auth(&format!("/api/requests/{id}/submit"), &pascal, &json!({}))
        .await;
    act(&app, &agent, id, "take", json!({})).await;
    let refused = act(&app, &agent, id, "accept", json!({})).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        field_codes(&problem(refused).await),
        [("answers.first_name".into(), "invalid_name".into())]
    );
    let detail: Value = app
        .get_json(&format!("/api/agent/requests/{id}"), &agent)
        .await;
    assert_eq!(
        detail["request"]["status"], "in_progress",
        "still open: the agent can refuse it with a reason"
    );
    let profile: Value = app.get_json("/api/me/profile", &pascal).await;
    assert_eq!(profile["household"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_certificate_prints_every_name_as_written() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let mut answers = child("Ștefan-Łukasz", "male", "2018-02-11", "Hà Nội", "99");
    answers["birth_name"] = json!("Nguyễn");
    answers["birth_country"] = json!("Viêt Nam");
    accepted(&app, &pascal, &agent, "mise-a-jour-filiation", answers).await;
    let profile: Value = app.get_json("/api/me/profile", &pascal).await;
    let child = profile["household"][1]["person_id"].as_i64().unwrap();
    let enrolment: Value = app
        .post_auth(
            &format!("/api/agent/persons/{child}/enrolments"),
            &agent,
            &json!({"school_year": "2026-2027", "establishment": "École Żeromski", "level": "CM1"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let path = format!("/api/me/enrolments/{}/certificate", enrolment["id"]);
    let bytes = app.get_auth(&path, &pascal).await.bytes().await.unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("a readable PDF");
    for expected in ["Ștefan-Łukasz NGUYỄN", "Hà Nội", "École Żeromski"] {
        assert!(
            squeeze(&text).contains(&squeeze(expected)),
            "«{expected}» in «{text}»"
        );
    }
    assert!(!text.contains('?'), "a character was replaced: «{text}»");
}
