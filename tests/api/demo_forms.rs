//! Quiévrechain's demo procedures each ask what they need (the civil-status certificates,
//! the CCAS appointment, the census, the identity card appointment): none but the
//! canteen booking (the Agenda's) is the generic Objet / Message form, and a request
//! sent with its answers reads them back, a missing answer refused by its label's field.
//! The change of address, once accepted, makes the new address the default one.
//! Hesdigneul's demo procedures can be filed too.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

use crate::agent::act;
use crate::requests::token;

/// A whole request for each procedure that got its form.
fn requests() -> Vec<(&'static str, Value)> {
    vec![
        (
            "acte-de-naissance",
            json!({"act_type": "copie_integrale", "requester_quality": "interesse",
                "birth_name": "Dupin", "first_names": "Pascal Marie", "birth_date": "1984-03-17",
                "mother_name": "Leroy Anne", "copies": 2, "delivery": "courrier"}),
        ),
        (
            "acte-de-mariage",
            json!({"act_type": "extrait_filiation", "requester_quality": "conjoint",
                "spouse_1": "Dupin Pascal", "spouse_2": "Durand Marie",
                "marriage_date": "2012-06-09", "copies": 1, "delivery": "mairie"}),
        ),
        (
            "acte-de-deces",
            json!({"deceased_birth_name": "Dupin", "deceased_first_names": "Louis",
                "death_date": "2024-11-02", "copies": 1, "delivery": "courrier"}),
        ),
        (
            "rendez-vous-ccas",
            json!({"reason": "logement", "days": ["mardi", "jeudi"],
                "time_of_day": "matin", "phone": "06 12 34 56 78"}),
        ),
        (
            "recensement-citoyen",
            json!({"birth_name": "Dupin", "first_names": "Tom", "birth_date": "2010-09-30",
                "birth_place": "Valenciennes (59)", "situation": "eleve"}),
        ),
        (
            "pre-demande-carte-identite",
            json!({"documents_wanted": ["cni", "passeport"], "request_reason": "renouvellement",
                "persons": 2, "preferred_date": "2027-01-20"}),
        ),
    ]
}

fn field_names(procedure: &Value) -> Vec<String> {
    procedure["form"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["fields"].as_array().unwrap().clone())
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn every_demo_procedure_but_the_canteen_booking_has_a_form_of_its_own() {
    let app = TestApp::spawn().await;
    let catalogue: Value = app.get("/api/catalogue").await.json().await.unwrap();
    let mut generic = Vec::new();
    for category in catalogue["categories"].as_array().unwrap() {
        for p in category["procedures"].as_array().unwrap() {
            let slug = p["slug"].as_str().unwrap();
            let procedure: Value = app
                .get(&format!("/api/procedures/{slug}"))
                .await
                .json()
                .await
                .unwrap();
            if field_names(&procedure) == ["subject", "message"] {
                generic.push(slug.to_string());
            }
        }
    }
    assert_eq!(generic, ["reservation-cantine"]);
}

#[tokio::test]
async fn each_demo_form_takes_its_answers_and_names_what_is_missing() {
    let app = TestApp::spawn().await;
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    for (slug, answers) in requests() {
        // Without its first required answer: refused at sending, on that field.
        let procedure = app
            .get_json(&format!("/api/procedures/{slug}"), &citizen)
            .await;
        let first = field_names(&procedure)[0].clone();
        let mut partial = answers.clone();
        partial.as_object_mut().unwrap().remove(&first);
        let draft = app
            .post_auth(
                "/api/requests",
                &citizen,
                &json!({"procedure": slug, "answers": partial}),
            )
            .await;
        assert_eq!(draft.status(), StatusCode::CREATED, "{slug}");
        let id = draft.json::<Value>().await.unwrap()["request"]["id"].clone();
        let refused = app
            .post_auth(&format!("/api/requests/{id}/submit"), &citizen, &json!({}))
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{slug}");
        let codes = field_codes(&problem(refused).await);
        assert!(
            codes.contains(&(format!("answers.{first}"), "required".to_string())),
            "{slug}: {codes:?}"
        );
        // Complete: sent, and read back as given.
        let put = app
            .put_auth(
                &format!("/api/requests/{id}"),
                &citizen,
                &json!({"procedure": slug, "answers": answers}),
            )
            .await;
        assert_eq!(put.status(), StatusCode::OK, "{slug}");
        let sent = app
            .post_auth(&format!("/api/requests/{id}/submit"), &citizen, &json!({}))
            .await;
        assert_eq!(sent.status(), StatusCode::OK, "{slug}");
        let sent: Value = sent.json().await.unwrap();
        assert_eq!(sent["answers"], answers, "{slug}");
        assert_eq!(sent["request"]["status"], "submitted");
    }
}

#[tokio::test]
async fn an_accepted_change_of_address_makes_the_new_address_the_default_one() {
    let (app, citizen, agent) =
        tests::documents::commune_with_family_and_agent("quievrechain").await;
    let old = json!({"name": "Ancienne adresse", "country": "France", "city": "Quiévrechain",
        "postal_code": "59920", "street_number": "12", "street": "Rue Jean Jaurès"});
    let added = app.post_auth("/api/me/addresses", &citizen, &old).await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let answers = json!({"new_address": {"name": "Nouvelle adresse", "country": "France",
        "city": "Quiévrechain", "postal_code": "59920", "street_number": "3",
        "street": "Place Roger Salengro"}, "moved_on": "2026-11-14"});
    let id = send_address_change(&app, &citizen, answers).await;
    // Nothing changes before the town hall accepts.
    let profile = app.get_json("/api/me/profile", &citizen).await;
    assert_eq!(profile["addresses"].as_array().unwrap().len(), 1);
    accept(&app, &agent, id).await;
    let profile = app.get_json("/api/me/profile", &citizen).await;
    let addresses: Vec<(String, bool)> = profile["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["street"].as_str().unwrap().to_string(),
                a["is_default"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        addresses,
        [
            ("Place Roger Salengro".to_string(), true),
            ("Rue Jean Jaurès".to_string(), false)
        ]
    );

    // Back to an address already in "Mes adresses": chosen, it becomes the default again.
    let old_id = profile["addresses"][1]["id"].clone();
    let answers = json!({"new_address": old_id, "moved_on": "2026-12-01"});
    let id = send_address_change(&app, &citizen, answers).await;
    accept(&app, &agent, id).await;
    let profile = app.get_json("/api/me/profile", &citizen).await;
    let addresses = profile["addresses"].as_array().unwrap();
    assert_eq!(addresses.len(), 2);
    assert_eq!(addresses[0]["id"], old_id);
    assert_eq!(addresses[0]["is_default"], true);
    assert_eq!(addresses[1]["is_default"], false);
}

/// Sends a change of address with these answers; its id.
async fn send_address_change(app: &TestApp, citizen: &str, answers: Value) -> i64 {
    let draft = app
        .post_auth(
            "/api/requests",
            citizen,
            &json!({"procedure": "mise-a-jour-adresse", "answers": answers}),
        )
        .await;
    assert_eq!(draft.status(), StatusCode::CREATED);
    let id = draft.json::<Value>().await.unwrap()["request"]["id"]
        .as_i64()
        .unwrap();
    let sent = app
        .post_auth(&format!("/api/requests/{id}/submit"), citizen, &json!({}))
        .await;
    assert_eq!(sent.status(), StatusCode::OK);
    id
}

async fn accept(app: &TestApp, agent: &str, id: i64) {
    for action in ["take", "accept"] {
        assert_eq!(act(app, agent, id, action, json!({})).await.status(), 200);
    }
}

#[tokio::test]
async fn the_demo_procedures_of_hesdigneul_can_be_filed() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = token(&session);
    for procedure in [
        "contacter-la-mairie",
        "demande-informations",
        "location-salle-des-fetes",
    ] {
        let answers = if procedure == "location-salle-des-fetes" {
            crate::requests::room_rental(40)["answers"].clone()
        } else {
            json!({"subject": "Horaires d'ouverture", "message": "La mairie est-elle ouverte le samedi ?"})
        };
        let draft = app
            .post_auth(
                "/api/requests",
                &t,
                &json!({"procedure": procedure, "answers": answers}),
            )
            .await;
        assert_eq!(draft.status(), 201, "{procedure}");
        let draft: Value = draft.json().await.unwrap();
        let sent = app
            .post_auth(
                &format!("/api/requests/{}/submit", draft["request"]["id"]),
                &t,
                &json!({}),
            )
            .await;
        assert_eq!(sent.status(), 200, "{procedure}");
    }
    let mine: Value = app.get_json("/api/requests", &t).await;
    assert_eq!(mine["in_progress"].as_array().unwrap().len(), 3);
}
