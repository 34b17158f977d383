//! A question asked only for one answer, checked by the server as by the SPA: renting
//! the room's dishes asks for the number of place settings; without dishes, a number of
//! place settings is refused rather than silently dropped.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

use crate::requests::{in_two_months, token};

async fn rental(app: &TestApp, citizen: &str, extra: Value) -> reqwest::Response {
    let mut answers = json!({"event_date": in_two_months(), "event_type": "mariage", "guests": 80});
    answers
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let draft = app
        .post_auth(
            "/api/requests",
            citizen,
            &json!({"procedure": "location-salle-des-fetes", "answers": answers}),
        )
        .await;
    if draft.status() != StatusCode::CREATED {
        return draft;
    }
    let draft: Value = draft.json().await.unwrap();
    app.post_auth(
        &format!("/api/requests/{}/submit", draft["request"]["id"]),
        citizen,
        &json!({}),
    )
    .await
}

#[tokio::test]
async fn a_question_is_required_when_asked_and_refused_when_not() {
    let app = TestApp::spawn().await;
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    // The form tells integrators when the question is asked.
    let procedure = app
        .get_json("/api/procedures/location-salle-des-fetes", &citizen)
        .await;
    let fields: Vec<Value> = procedure["form"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["fields"].as_array().unwrap().clone())
        .collect();
    let settings = fields
        .iter()
        .find(|f| f["name"] == "place_settings")
        .unwrap();
    assert_eq!(
        settings["shown_when"],
        json!({"field": "dishes", "equals": true})
    );
    let dishes = fields.iter().find(|f| f["name"] == "dishes").unwrap();
    assert_eq!(dishes["kind"], "yes_no");

    let asked = rental(&app, &citizen, json!({"dishes": true})).await;
    assert_eq!(asked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(asked).await),
        [("answers.place_settings".into(), "required".into())]
    );
    let not_asked = rental(
        &app,
        &citizen,
        json!({"dishes": false, "place_settings": 60}),
    )
    .await;
    assert_eq!(not_asked.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(not_asked).await),
        [("answers.place_settings".into(), "not_applicable".into())]
    );
    for extra in [
        json!({"dishes": true, "place_settings": 60}),
        json!({"dishes": false}),
        json!({}),
    ] {
        let sent = rental(&app, &citizen, extra.clone()).await;
        assert_eq!(sent.status(), StatusCode::OK, "{extra}");
        let detail: Value = sent.json().await.unwrap();
        assert_eq!(detail["request"]["status"], "submitted", "{extra}");
    }
}
