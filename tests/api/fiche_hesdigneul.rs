//! Hesdigneul-lès-Boulogne's "Fiche enfant" in steps: the responsable's situation, the
//! child, the global authorisations, the persons to contact and the signature; the
//! agent's acceptance records the contacts and the authorisations on the child.

use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::documents::{fiche_answers, holder_person, send_fiche, step_titles};
use tests::{people, TestApp};

use crate::agent::act;
use crate::requests::token;

fn odile() -> Value {
    json!({"last_name": "Martin", "first_name": "Odile", "relation": "Grand-mère",
           "phone": "06 12 34 56 78", "pickup": true, "emergency": true})
}

fn marie(born: &str) -> Value {
    json!({"sex": "female", "birth_name": "Durand", "first_name": "Marie", "birth_date": born,
           "birth_country": "France", "birth_city": "Calais", "birth_department": "62"})
}

/// The whole fiche for a new child, Tim, the holder responsable, a new partner, Marie, and
/// a new address.
pub async fn answers(app: &TestApp, citizen: &str) -> Value {
    let procedure = app.get_json("/api/procedures/fiche-enfant", citizen).await;
    assert_eq!(
        step_titles(&procedure),
        [
            "Responsable du dossier",
            "Conjoint",
            "Enfant",
            "Autorisation globale",
            "Autres personnes à contacter et/ou autorisées à venir chercher l'enfant",
            "Justificatifs",
            "Signature"
        ]
    );
    let tim = json!({"sex": "male", "birth_name": "Dupin", "first_name": "Tim",
        "birth_date": "2016-01-01", "birth_country": "France",
        "birth_city": "Boulogne-sur-Mer", "birth_department": "62"});
    let mut answers = fiche_answers(&procedure, tim);
    answers["guardian"] = holder_person(app, citizen).await;
    for (name, value) in [
        ("has_partner", json!(true)),
        ("partner", marie("1986-02-03")),
        ("other_situation", json!(false)),
        ("family_situation", json!("marie")),
        ("activities", json!(["garderie", "centre-de-loisirs"])),
        ("photos", json!(true)),
        ("medical_care", json!(true)),
        ("leave_alone", json!(false)),
        (
            "contacts",
            json!([odile(), {"last_name": "Bernard", "first_name": "Luc",
                "relation": "Voisin", "phone": "0321000000"}]),
        ),
        (
            "signature",
            json!({"certified": true, "name": "DUPIN Pascal"}),
        ),
    ] {
        answers[name] = value;
    }
    answers
}

pub async fn family(app: &TestApp, email: &str, login: &str) -> String {
    token(&app.create_account(email, login, people::PASSWORD).await)
}

#[tokio::test]
async fn accepting_the_fiche_records_its_contacts_and_authorisations_on_the_child() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let citizen = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let answers = answers(&app, &citizen).await;
    let sent = send_fiche(&app, &citizen, &answers).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let sent: Value = sent.json().await.unwrap();
    let id = sent["request"]["id"].as_i64().unwrap();
    // Nothing recorded before the town hall accepts.
    let profile = app.get_json("/api/me/profile", &citizen).await;
    assert_eq!(profile["child_contacts"], json!([]));
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
    assert_eq!(
        act(&app, &agent, id, "accept", json!({})).await.status(),
        200
    );

    let profile = app.get_json("/api/me/profile", &citizen).await;
    let contacts = profile["child_contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0]["child_name"], "DUPIN Tim");
    assert_eq!(contacts[0]["last_name"], "MARTIN");
    assert_eq!(contacts[0]["relation"], "Grand-mère");
    assert_eq!(
        (&contacts[0]["pickup"], &contacts[0]["emergency"]),
        (&json!(true), &json!(true))
    );
    assert_eq!(contacts[1]["first_name"], "Luc");
    assert_eq!(
        (&contacts[1]["pickup"], &contacts[1]["other_phone"]),
        (&json!(false), &Value::Null)
    );
    let authorisations: Vec<(String, bool)> = profile["authorisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_string(),
                a["granted"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        authorisations,
        [
            ("photos".to_string(), true),
            ("medical_care".into(), true),
            ("leave_alone".into(), false)
        ]
    );
    assert!(profile["authorisations"][0]["wording"]
        .as_str()
        .unwrap()
        .starts_with("J'autorise la prise de photographies"));
    assert_eq!(
        profile["activities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["activity"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["garderie", "centre-de-loisirs"]
    );
    // The partner joined the household, linked to the responsable; the address, the profile.
    let holder = holder_person(&app, &citizen).await;
    let marie = profile["household"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["first_name"] == "Marie")
        .expect("the partner joined the household");
    assert_eq!(marie["role"], "adult");
    let relations = profile["relations"].as_array().unwrap();
    assert!(relations.iter().any(|r| r["role"] == "partner"
        && r["person_id"] == holder
        && r["related_person_id"] == marie["person_id"]));
    assert!(relations
        .iter()
        .any(|r| r["role"] == "legal_guardian" && r["person_id"] == holder));
    let addresses = profile["addresses"].as_array().unwrap();
    assert!(
        addresses
            .iter()
            .any(|a| a["street"] == "Rue des Buissons Fleuris" && a["postal_code"] == "62360"),
        "{addresses:?}"
    );
    // The agent's view of the household shows them too; another household sees none.
    let household = app
        .get_json(&format!("/api/agent/requests/{id}"), &agent)
        .await["household_id"]
        .as_i64()
        .unwrap();
    let seen = app
        .get_json(&format!("/api/agent/households/{household}"), &agent)
        .await;
    assert_eq!(seen["child_contacts"].as_array().map(Vec::len), Some(2));
    assert_eq!(seen["authorisations"].as_array().map(Vec::len), Some(3));
    let other = family(&app, "martin@yopmail.com", "luc.martin").await;
    let theirs = app.get_json("/api/me/profile", &other).await;
    assert_eq!(theirs["child_contacts"], json!([]));
    assert_eq!(theirs["authorisations"], json!([]));
}

#[tokio::test]
async fn a_wrong_contact_or_a_missing_signature_is_named_at_submission() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let citizen = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let mut answers = answers(&app, &citizen).await;
    // A draft may be unfinished, never wrong.
    let mut wrong = answers.clone();
    wrong["contacts"][1]["phone"] = json!("12");
    wrong["contacts"][1]["age"] = json!(70);
    let refused = send_fiche(&app, &citizen, &wrong).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut codes = field_codes(&problem(refused).await);
    codes.sort();
    assert_eq!(
        codes,
        [
            (
                "answers.contacts.1.age".to_string(),
                "unknown_field".to_string()
            ),
            ("answers.contacts.1.phone".into(), "invalid_phone".into()),
        ]
    );
    // Sent, it must be signed and every question it asks answered.
    answers["signature"] = json!({"certified": false, "name": "DUPIN Pascal"});
    answers["other_situation"] = json!(true);
    let refused = send_fiche(&app, &citizen, &answers).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut codes = field_codes(&problem(refused).await);
    codes.sort();
    assert_eq!(
        codes,
        [
            (
                "answers.other_situation_details".to_string(),
                "required".to_string()
            ),
            ("answers.signature.certified".into(), "must_accept".into()),
        ]
    );
    // Seven persons when six at most; a signature that is not an object.
    answers["contacts"] = json!(vec![odile(); 7]);
    answers["signature"] = json!("DUPIN Pascal");
    let refused = app
        .post_auth(
            "/api/requests",
            &citizen,
            &json!({"procedure": "fiche-enfant", "answers": answers}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut codes = field_codes(&problem(refused).await);
    codes.sort();
    assert_eq!(
        codes,
        [
            ("answers.contacts".to_string(), "too_many_items".to_string()),
            ("answers.signature".into(), "invalid_type".into()),
        ]
    );
}

#[tokio::test]
async fn the_responsable_partner_and_address_must_be_the_households() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let citizen = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let other = family(&app, "martin@yopmail.com", "luc.martin").await;
    let theirs = app
        .post_auth(
            "/api/me/addresses",
            &other,
            &json!({"name": "Maison", "country": "France", "city": "Calais",
                    "postal_code": "62100", "street": "Rue Royale"}),
        )
        .await;
    assert_eq!(theirs.status(), StatusCode::CREATED);
    let theirs: Value = theirs.json().await.unwrap();
    let answers = answers(&app, &citizen).await;
    let cases = [
        (
            "address",
            theirs["id"].clone(),
            "answers.address",
            "not_your_address",
        ),
        (
            "guardian",
            holder_person(&app, &other).await,
            "answers.guardian",
            "not_a_member",
        ),
        (
            "partner",
            answers["guardian"].clone(),
            "answers.partner",
            "same_person",
        ),
        (
            "partner",
            marie("2014-02-03"),
            "answers.partner.birth_date",
            "too_young",
        ),
    ];
    for (name, value, field, code) in cases {
        let mut wrong = answers.clone();
        wrong[name] = value;
        let refused = send_fiche(&app, &citizen, &wrong).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(
            field_codes(&problem(refused).await),
            [(field.to_string(), code.to_string())]
        );
    }
    // "Non" to the partner: the partner is not asked.
    let mut alone = answers.clone();
    alone["has_partner"] = json!(false);
    alone.as_object_mut().unwrap().remove("partner");
    assert_eq!(
        send_fiche(&app, &citizen, &alone).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn two_fiches_of_one_family_add_its_new_partner_and_address_once() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let citizen = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    // The second fiche starts from the first one's family answers: the same partner and
    // address, both still "to add" while the town hall has decided nothing.
    let tim = answers(&app, &citizen).await;
    let mut lea = tim.clone();
    lea["child"] = json!({"sex": "female", "birth_name": "Dupin", "first_name": "Léa",
        "birth_date": "2018-06-21", "birth_country": "France",
        "birth_city": "Boulogne-sur-Mer", "birth_department": "62"});
    for answers in [tim, lea] {
        let sent = send_fiche(&app, &citizen, &answers).await;
        assert_eq!(sent.status(), StatusCode::OK);
        let id = sent.json::<Value>().await.unwrap()["request"]["id"]
            .as_i64()
            .unwrap();
        for action in ["take", "accept"] {
            let done = act(&app, &agent, id, action, json!({})).await;
            assert_eq!(done.status(), StatusCode::OK, "{action}");
        }
    }
    let profile = app.get_json("/api/me/profile", &citizen).await;
    let names: Vec<&str> = profile["household"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["first_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.iter().filter(|n| **n == "Marie").count(),
        1,
        "{names:?}"
    );
    assert!(
        names.contains(&"Tim") && names.contains(&"Léa"),
        "{names:?}"
    );
    assert_eq!(profile["addresses"].as_array().unwrap().len(), 1);
    // Each child has its legal guardian, and the partner is linked once.
    let partners = profile["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["role"] == "partner")
        .count();
    assert_eq!(partners, 1, "{}", profile["relations"]);
}
