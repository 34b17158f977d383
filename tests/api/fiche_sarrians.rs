//! Sarrians' "Fiche enfant" in ten steps, with the vaccination dates and the health
//! information (RGPD art. 9): the household reads its own; an agent reads them only with
//! the health permission an admin grants, and each reading is logged.

use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::problem;
use tests::documents::{fiche_answers, holder_person, send_fiche, step_titles};
use tests::{people, TestApp};

use crate::agent::act;
use crate::requests::token;

const ALLERGY: &str = "Arachide : trousse d'urgence (Anapen) dans le cartable";

/// The whole fiche for a new child, Léa, allergic, with a PAI.
async fn answers(app: &TestApp, citizen: &str) -> Value {
    let procedure = app.get_json("/api/procedures/fiche-enfant", citizen).await;
    assert_eq!(
        step_titles(&procedure),
        [
            "Information préalable",
            "Responsable du dossier",
            "Conjoint",
            "Enfant",
            "Autorisations",
            "Informations liées à la vaccination",
            "Informations sanitaires",
            "Personnes à contacter et/ou autorisées à venir chercher l'enfant",
            "Justificatifs",
            "Signature"
        ]
    );
    let lea = json!({"sex": "female", "birth_name": "Dupin", "first_name": "Léa",
        "birth_date": "2018-06-21", "birth_country": "France", "birth_city": "Carpentras",
        "birth_department": "84"});
    let mut answers = fiche_answers(&procedure, lea);
    answers["guardian"] = holder_person(app, citizen).await;
    for (name, value) in [
        ("transport", json!(["morning"])),
        ("vaccine_dtp", json!("2023-05-10")),
        ("vaccine_mmr", json!("2019-09-02")),
        ("allergies", json!(true)),
        ("allergies_details", json!(ALLERGY)),
        ("treatment", json!(false)),
        ("pai", json!(true)),
        ("doctor_name", json!("Dr Roux")),
        ("doctor_phone", json!("04 90 65 00 00")),
    ] {
        answers[name] = value;
    }
    answers
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// "Journal des accès aux données de santé", newest first.
pub async fn log(app: &TestApp, admin: &str) -> Vec<Value> {
    let lines = app.get_json("/api/admin/health-accesses", admin).await;
    lines.as_array().unwrap().clone()
}

/// The staff account's id, from the admins' list.
pub async fn staff_id(app: &TestApp, admin: &str, email: &str) -> i64 {
    let list = app.get_json("/api/admin/staff", admin).await;
    list.as_array()
        .unwrap()
        .iter()
        .find(|m| m["email"] == email)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn health_answers_reach_only_agents_with_the_health_permission_and_each_reading_is_logged() {
    let app = TestApp::spawn_for_commune("sarrians").await;
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let admin = token(
        &app.create_staff("maire@mairie.fr", "Martine", Role::Admin)
            .await,
    );
    let anne = staff_id(&app, &admin, "agent@mairie.fr").await;

    let answers = answers(&app, &citizen).await;
    let sent = send_fiche(&app, &citizen, &answers).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let id = sent.json::<Value>().await.unwrap()["request"]["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/agent/requests/{id}");

    // The family reads its own answers.
    let own = app.get_json(&format!("/api/requests/{id}"), &citizen).await;
    assert_eq!(own["answers"]["allergies_details"], ALLERGY);
    assert_eq!(own["withheld"], json!([]));

    // An agent without the permission: the health answers are left out and named.
    let seen = app.get_json(&path, &agent).await;
    let withheld = strings(&seen["withheld"]);
    assert_eq!(
        withheld,
        [
            "vaccine_dtp",
            "vaccine_mmr",
            "allergies",
            "allergies_details",
            "treatment",
            "pai",
            "doctor_name",
            "doctor_phone"
        ]
    );
    for name in &withheld {
        assert!(seen["answers"].get(name).is_none(), "{name} was shown");
    }
    assert_eq!(seen["answers"]["school_year"], answers["school_year"]);
    assert_eq!(seen["answers"]["transport"], json!(["morning"]));
    assert!(log(&app, &admin).await.is_empty());

    // Nor does she correct one; she cannot grant herself the permission.
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
    let correction = json!({"field": "allergies_details", "value": "Arachide et kiwi",
        "reason": "Précision donnée par téléphone."});
    let refused = app
        .post_auth(&format!("{path}/corrections"), &agent, &correction)
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(problem(refused).await["code"], "health_permission_required");
    let permission = format!("/api/admin/staff/{anne}/permissions/health");
    let refused = app.put_auth(&permission, &agent, &json!({})).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let unknown = format!("/api/admin/staff/{anne}/permissions/everything");
    assert_eq!(
        app.put_auth(&unknown, &admin, &json!({})).await.status(),
        StatusCode::NOT_FOUND
    );

    // The admin grants it: she reads them, and the reading is logged.
    let granted = app.put_auth(&permission, &admin, &json!({})).await;
    assert_eq!(granted.status(), StatusCode::OK);
    assert_eq!(
        granted.json::<Value>().await.unwrap()["permissions"],
        json!(["health"])
    );
    let seen = app.get_json(&path, &agent).await;
    assert_eq!(seen["answers"]["allergies_details"], ALLERGY);
    assert_eq!(seen["withheld"], json!([]));
    let lines = log(&app, &admin).await;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["agent_id"], anne);
    assert_eq!(lines[0]["agent"], "Anne AGENT");
    assert_eq!(lines[0]["household"], "DUPIN Pascal");
    assert_eq!(lines[0]["request_id"], id);
    assert_eq!(lines[0]["context"], "request");

    // Her correction keeps the health answer out of the history every agent reads.
    let corrected = app
        .post_auth(&format!("{path}/corrections"), &agent, &correction)
        .await;
    assert_eq!(corrected.status(), StatusCode::OK);
    let corrected: Value = corrected.json().await.unwrap();
    assert_eq!(
        corrected["answers"]["allergies_details"],
        "Arachide et kiwi"
    );
    let note = corrected["history"].as_array().unwrap().last().unwrap()["comment"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(note.contains("(information de santé)"), "{note}");
    assert!(!note.contains("Arachide"), "{note}");
    assert_eq!(
        act(&app, &agent, id, "accept", json!({})).await.status(),
        200
    );

    // Accepted: the child's health information is recorded, in words.
    let profile = app.get_json("/api/me/profile", &citizen).await;
    let health: Vec<(String, String)> = profile["health"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            assert_eq!(h["child_name"], "DUPIN Léa");
            (
                h["code"].as_str().unwrap().to_string(),
                h["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        ("vaccine_dtp", "10/05/2023"),
        ("vaccine_mmr", "02/09/2019"),
        ("allergies", "Oui"),
        ("allergies_details", "Arachide et kiwi"),
        ("treatment", "Non"),
        ("pai", "Oui"),
        ("doctor_name", "Dr Roux"),
        ("doctor_phone", "04 90 65 00 00"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, v)| (c.to_string(), v.to_string()))
        .collect();
    assert_eq!(health, expected);
    assert_eq!(profile["health_withheld"], false);

    // The household's profile: read with the permission (logged), withheld without.
    let household = format!("/api/agent/households/{}", seen["household_id"]);
    let before = log(&app, &admin).await.len();
    let read = app.get_json(&household, &agent).await;
    assert_eq!(read["health"].as_array().unwrap().len(), expected.len());
    let lines = log(&app, &admin).await;
    assert_eq!(lines.len(), before + 1);
    assert_eq!(lines[0]["context"], "household");
    assert_eq!(lines[0]["request_id"], Value::Null);
    let withdrawn = app.delete_auth(&permission, &admin).await;
    assert_eq!(withdrawn.status(), StatusCode::OK);
    assert_eq!(
        withdrawn.json::<Value>().await.unwrap()["permissions"],
        json!([])
    );
    let read = app.get_json(&household, &agent).await;
    assert_eq!(read["health"], json!([]));
    assert_eq!(read["health_withheld"], true);
    assert!(app.get_json(&path, &agent).await["answers"]
        .get("pai")
        .is_none());
    assert_eq!(log(&app, &admin).await.len(), before + 1);

    // Neither a citizen nor an agent reads the log; another family never reads the fiche.
    for who in [&citizen, &agent] {
        let refused = app.get_auth("/api/admin/health-accesses", who).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
    let other = token(
        &app.create_account("martin@yopmail.com", "paul.martin", people::PASSWORD)
            .await,
    );
    let hidden = app.get_auth(&format!("/api/requests/{id}"), &other).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    let profile = app.get_json("/api/me/profile", &other).await;
    assert_eq!(profile["health"], json!([]));

    // The permission and where it was read are closed sets on both databases.
    let granted = app.put_auth(&permission, &admin, &json!({})).await;
    assert_eq!(granted.status(), StatusCode::OK);
    crate::typed_states::refuses_unknown(&app, "staff_permissions", "permission").await;
    crate::typed_states::refuses_unknown(&app, "health_access_log", "context").await;
}
