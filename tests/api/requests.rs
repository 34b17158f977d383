//! The citizen's requests: draft, changes, submission with a receipt, "Mes demandes".

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

pub fn token(session: &Value) -> String {
    session["access_token"].as_str().unwrap().to_string()
}

/// A day two months ahead, as the room rental form wants (`YYYY-MM-DD`).
pub fn in_two_months() -> String {
    (chrono::Utc::now().date_naive() + chrono::TimeDelta::days(60)).to_string()
}

pub fn room_rental(guests: i64) -> Value {
    json!({
        "procedure": "location-salle-des-fetes",
        "answers": {"event_date": in_two_months(), "event_type": "mariage", "guests": guests},
    })
}

/// A submitted room rental request; returns its detail.
pub async fn submitted(app: &TestApp, token: &str) -> Value {
    let draft: Value = app
        .post_auth("/api/requests", token, &room_rental(80))
        .await
        .json()
        .await
        .unwrap();
    let response = app
        .post_auth(
            &format!("/api/requests/{}/submit", draft["request"]["id"]),
            token,
            &json!({}),
        )
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_procedure_page_gives_its_form_duration_and_terms() {
    let app = TestApp::spawn().await;
    let procedure: Value = app
        .get("/api/procedures/location-salle-des-fetes")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(procedure["duration_minutes"], 5);
    assert!(procedure["terms"].as_str().unwrap().contains("règlement"));
    assert_eq!(
        procedure["form"]["steps"][0]["fields"][0]["name"],
        "event_date"
    );
    // A procedure configured without a form gets the message form.
    let other: Value = app
        .get("/api/procedures/reservation-cantine")
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = other["form"]["steps"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["subject", "message"]);
}

#[tokio::test]
async fn a_draft_is_numbered_editable_and_deletable() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = token(&session);
    let incomplete =
        json!({"procedure": "location-salle-des-fetes", "answers": {"event_type": "mariage"}});
    let response = app.post_auth("/api/requests", &t, &incomplete).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let first: Value = response.json().await.unwrap();
    assert_eq!(first["request"]["status"], "draft");
    assert_eq!(
        first["request"]["procedure_title"],
        "Location de la salle des fêtes"
    );
    assert_eq!(first["editable"], true);
    assert_eq!(first["history"][0]["to"], "draft");
    let second: Value = app
        .post_auth("/api/requests", &t, &room_rental(50))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        second["request"]["number"].as_i64().unwrap(),
        first["request"]["number"].as_i64().unwrap() + 1
    );

    let id = first["request"]["id"].as_i64().unwrap();
    let changed = app
        .put_auth(&format!("/api/requests/{id}"), &t, &room_rental(120))
        .await;
    assert_eq!(changed.status(), 200);
    let changed: Value = changed.json().await.unwrap();
    assert_eq!(changed["answers"]["guests"], 120);

    let deleted = app.delete_auth(&format!("/api/requests/{id}"), &t).await;
    assert_eq!(deleted.status(), 204);
    assert_eq!(
        app.get_auth(&format!("/api/requests/{id}"), &t)
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn submitting_checks_required_answers_and_mails_a_receipt() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = token(&session);
    let draft: Value = app
        .post_auth(
            "/api/requests",
            &t,
            &json!({"procedure": "location-salle-des-fetes", "answers": {"event_type": "mariage"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    let refused = app
        .post_auth(&format!("/api/requests/{id}/submit"), &t, &json!({}))
        .await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        field_codes(&problem(refused).await),
        [
            ("answers.event_date".into(), "required".into()),
            ("answers.guests".into(), "required".into())
        ]
    );

    app.put_auth(&format!("/api/requests/{id}"), &t, &room_rental(80))
        .await;
    let submitted = app
        .post_auth(&format!("/api/requests/{id}/submit"), &t, &json!({}))
        .await;
    assert_eq!(submitted.status(), 200);
    let submitted: Value = submitted.json().await.unwrap();
    assert_eq!(submitted["request"]["status"], "submitted");
    assert_eq!(submitted["history"][1]["from"], "draft");
    assert_eq!(submitted["history"][1]["by"], "DUPIN Pascal");
    assert!(submitted["submitted_at"].is_string());
    let number = submitted["request"]["number"].as_i64().unwrap();
    let mail = app
        .smtp
        .wait_for(
            "dupin@yopmail.com",
            &format!("demande n° {number} enregistrée"),
        )
        .await;
    assert!(mail.body.contains("Location de la salle des fêtes"));

    // Still editable until an agent takes it, but not deletable, and complete answers only.
    let incomplete =
        json!({"procedure": "location-salle-des-fetes", "answers": {"event_type": "mariage"}});
    let response = app
        .put_auth(&format!("/api/requests/{id}"), &t, &incomplete)
        .await;
    assert_eq!(response.status(), 422);
    let response = app.delete_auth(&format!("/api/requests/{id}"), &t).await;
    assert_eq!(response.status(), 409);
    assert_eq!(problem(response).await["code"], "request_locked");
    let again = app
        .post_auth(&format!("/api/requests/{id}/submit"), &t, &json!({}))
        .await;
    assert_eq!(problem(again).await["code"], "invalid_transition");
}

#[tokio::test]
async fn mes_demandes_lists_en_cours_and_effectuees_latest_first() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = token(&session);
    submitted(&app, &t).await;
    let draft = app
        .post_auth(
            "/api/requests",
            &t,
            &json!({"procedure": "rendez-vous-ccas", "answers": {"reason": "logement"}}),
        )
        .await;
    assert_eq!(draft.status(), 201);
    let mine: Value = app.get_json("/api/requests", &t).await;
    let statuses: Vec<&str> = mine["in_progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["draft", "submitted"]);
    assert_eq!(mine["done"], json!([]));
}

#[tokio::test]
async fn answers_are_checked_against_the_form() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let body = json!({"procedure": "location-salle-des-fetes", "answers": {"event_date": "12/06/2027", "event_type": "piscine", "guests": "beaucoup", "pirate": true}});
    let response = app
        .post_auth("/api/requests", &token(&session), &body)
        .await;
    assert_eq!(response.status(), 422);
    let codes = field_codes(&problem(response).await);
    for expected in [
        ("answers.event_date", "invalid_date"),
        ("answers.event_type", "invalid_value"),
        ("answers.guests", "invalid_type"),
        ("answers.pirate", "unknown_field"),
    ] {
        assert!(
            codes.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {codes:?}"
        );
    }
    let unknown = app
        .post_auth(
            "/api/requests",
            &token(&session),
            &json!({"procedure": "piscine", "answers": {}}),
        )
        .await;
    assert_eq!(
        field_codes(&problem(unknown).await),
        [("procedure".into(), "invalid_value".into())]
    );
}

#[tokio::test]
async fn implausible_answers_are_refused_when_sent_not_dropped_when_accepted() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let t = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let refused = |procedure: &'static str, answers: Value| {
        let (app, t) = (&app, &t);
        async move {
            let body = json!({"procedure": procedure, "answers": answers});
            let response = app.post_auth("/api/requests", t, &body).await;
            assert_eq!(response.status(), 422, "{body}");
            field_codes(&problem(response).await)
        }
    };
    let social = refused(
        "mise-a-jour-donnees-sociales",
        json!({"family_quotient": 99_999_999_999_i64, "dependent_children": 21, "reference_tax_income": -5, "monthly_income": 20_000_000}),
    )
    .await;
    for expected in [
        ("answers.family_quotient", "too_large"),
        ("answers.dependent_children", "too_large"),
        ("answers.reference_tax_income", "too_small"),
        ("answers.monthly_income", "too_large"),
    ] {
        assert!(
            social.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {social:?}"
        );
    }
    let room = refused(
        "location-salle-des-fetes",
        json!({"event_date": "2020-06-12", "event_type": "mariage", "guests": 500}),
    )
    .await;
    assert_eq!(
        room,
        [
            ("answers.event_date".into(), "date_not_upcoming".into()),
            ("answers.guests".into(), "too_large".into())
        ]
    );
    let born = refused("mise-a-jour-filiation", json!({"birth_date": "1899-12-31"})).await;
    assert_eq!(born, [("answers.birth_date".into(), "date_too_old".into())]);
    let hidden = refused(
        "contacter-la-mairie",
        json!({"subject": "Facture\u{202E}fdp.exe", "message": "Bonjour\u{7}"}),
    )
    .await;
    assert_eq!(
        hidden,
        [
            ("answers.subject".into(), "invalid_characters".into()),
            ("answers.message".into(), "invalid_characters".into())
        ]
    );

    // Right at the bounds, the request goes through and the social card holds them.
    let body = json!({"procedure": "mise-a-jour-donnees-sociales", "answers": {"family_quotient": 99_999, "dependent_children": 20}});
    let draft = app.post_auth("/api/requests", &t, &body).await;
    assert_eq!(draft.status(), 201);
}

#[tokio::test]
async fn a_citizen_never_reaches_another_households_requests() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let marie = app
        .create_account("marie@yopmail.com", "marie.diva", people::PASSWORD)
        .await;
    let hers = submitted(&app, &token(&marie)).await;
    let id = hers["request"]["id"].as_i64().unwrap();
    assert_eq!(
        app.get_auth(&format!("/api/requests/{id}"), &pascal)
            .await
            .status(),
        404
    );
    let put = app
        .put_auth(&format!("/api/requests/{id}"), &pascal, &room_rental(1))
        .await;
    assert_eq!(put.status(), 404);
    let del = app
        .delete_auth(&format!("/api/requests/{id}"), &pascal)
        .await;
    assert_eq!(del.status(), 404);
    let mine: Value = app.get_json("/api/requests", &pascal).await;
    assert_eq!(mine["in_progress"], json!([]));
    // Naming a real person of the other household is refused.
    let her_profile: Value = app.get_json("/api/me/profile", &token(&marie)).await;
    let marie_person = her_profile["household"][0]["person_id"].as_i64().unwrap();
    let mut body = room_rental(10);
    body["person_id"] = json!(marie_person);
    let response = app.post_auth("/api/requests", &pascal, &body).await;
    assert_eq!(
        field_codes(&problem(response).await),
        [("person_id".into(), "not_a_member".into())]
    );
}

#[tokio::test]
async fn numbers_stay_unique_and_gapless_when_requests_arrive_together() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = token(&session);
    let sends = (0..20).map(|i| {
        let (app, t) = (&app, t.clone());
        async move {
            app.post_auth("/api/requests", &t, &room_rental(i + 1))
                .await
                .status()
        }
    });
    let statuses = futures_util::future::join_all(sends).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::CREATED),
        "{statuses:?}"
    );
    let mine: Value = app.get_json("/api/requests", &t).await;
    let mut numbers: Vec<i64> = mine["in_progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_i64().unwrap())
        .collect();
    numbers.sort();
    assert_eq!(numbers, (1..=20).collect::<Vec<i64>>());
}
