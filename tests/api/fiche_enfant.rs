//! Quiévrechain's "Fiche enfant": a child of the household or one added with "+ Ajouter
//! un enfant", its school and its activities; the agent's acceptance applies it.

use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::documents::{fiche_answers, send_fiche};
use tests::{people, TestApp};

use crate::agent::act;
use crate::requests::token;

fn tim() -> Value {
    json!({"sex": "male", "birth_name": "Dupin", "first_name": "Tim", "birth_date": "2019-05-14",
           "birth_country": "France", "birth_city": "Valenciennes", "birth_department": "59"})
}

/// The fiche's answers for `child`, changed by `adjust`.
async fn answers(
    app: &TestApp,
    citizen: &str,
    child: Value,
    adjust: impl FnOnce(&mut Value),
) -> Value {
    let procedure = app.get_json("/api/procedures/fiche-enfant", citizen).await;
    let mut answers = fiche_answers(&procedure, child);
    adjust(&mut answers);
    answers
}

/// Sends the fiche, then an agent takes and accepts it; the accepted request.
async fn accepted(app: &TestApp, citizen: &str, agent: &str, answers: Value) -> Value {
    let sent = send_fiche(app, citizen, &answers).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let sent: Value = sent.json().await.unwrap();
    let id = sent["request"]["id"].as_i64().unwrap();
    assert_eq!(act(app, agent, id, "take", json!({})).await.status(), 200);
    let done = act(app, agent, id, "accept", json!({})).await;
    assert_eq!(done.status(), 200);
    done.json().await.unwrap()
}

/// Quiévrechain, a citizen (token and account id) and an agent.
async fn quievrechain() -> (TestApp, String, String, i64) {
    let app = TestApp::spawn_for_commune("quievrechain").await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let (citizen, account) = (token(&session), session["account"]["id"].as_i64().unwrap());
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    (app, citizen, agent, account)
}

#[tokio::test]
async fn accepting_a_fiche_adds_the_child_its_school_and_its_activities() {
    let (app, citizen, agent, _) = quievrechain().await;
    let answers = answers(&app, &citizen, tim(), |a| {
        a["class_name"] = json!("Mme PLUYART");
        a["activities"] = json!(["restauration-scolaire", "mercredis-kids"]);
    })
    .await;
    let year = answers["school_year"].as_str().unwrap().to_string();
    // Nothing is added before the town hall accepts.
    let sent = send_fiche(&app, &citizen, &answers).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let sent: Value = sent.json().await.unwrap();
    assert_eq!(sent["request"]["person"], Value::Null);
    let profile = app.get_json("/api/me/profile", &citizen).await;
    assert_eq!(profile["household"].as_array().unwrap().len(), 1);

    let id = sent["request"]["id"].as_i64().unwrap();
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
    let done = act(&app, &agent, id, "accept", json!({})).await;
    assert_eq!(done.status(), 200);
    let done: Value = done.json().await.unwrap();
    assert_eq!(done["request"]["person"]["name"], "DUPIN Tim");

    let profile = app.get_json("/api/me/profile", &citizen).await;
    let child = profile["household"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["role"] == "child")
        .expect("the child joined the household")
        .clone();
    assert_eq!(
        (&child["birth_name"], &child["first_name"]),
        (&json!("DUPIN"), &json!("Tim"))
    );
    let child_id = child["person_id"].clone();
    assert_eq!(profile["relations"][0]["role"], "legal_guardian");
    assert_eq!(profile["relations"][0]["related_person_id"], child_id);
    let school = &profile["schooled_children"][0];
    assert_eq!(school["person_id"], child_id);
    assert_eq!(school["school_year"], year.as_str());
    assert_eq!(
        school["establishment"],
        "Ecole élémentaire Jean-Marie Brison"
    );
    assert_eq!(school["level"], "CP");
    assert_eq!(school["class_name"], "Mme PLUYART");
    let activities: Vec<(&str, &str)> = profile["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["activity"].as_str().unwrap(),
                a["activity_name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        activities,
        [
            ("restauration-scolaire", "Restauration scolaire"),
            ("mercredis-kids", "Les mercredis kids")
        ]
    );
    assert_eq!(profile["activities"][0]["child_name"], "DUPIN Tim");
    assert_eq!(profile["activities"][0]["school_year"], year.as_str());

    // Next year's fiche names the child from the list: no second Tim, the enrolments of
    // each year kept apart.
    let next = answers_for_member(&app, &citizen, child_id.clone()).await;
    accepted(&app, &citizen, &agent, next).await;
    let profile = app.get_json("/api/me/profile", &citizen).await;
    let children = profile["household"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "child")
        .count();
    assert_eq!(children, 1);
    assert_eq!(profile["relations"].as_array().unwrap().len(), 1);
}

/// The fiche for a child already in the household, for the second school year offered.
async fn answers_for_member(app: &TestApp, citizen: &str, child: Value) -> Value {
    let procedure = app.get_json("/api/procedures/fiche-enfant", citizen).await;
    let years = procedure["form"]["steps"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "school_year")
        .unwrap()["choices"]
        .clone();
    answers(app, citizen, child, |a| {
        a["school_year"] = years[1]["value"].clone()
    })
    .await
}

#[tokio::test]
async fn the_fiche_names_a_child_of_the_household_never_another_ones() {
    let (app, citizen, agent, account) = quievrechain().await;
    let pascal = app.get_json("/api/me/profile", &citizen).await;
    let holder = pascal["household"][0]["person_id"].clone();
    let other = app
        .create_account("martin@yopmail.com", "claire.martin", people::PASSWORD)
        .await;
    let theirs = app
        .add_child(
            &[other["account"]["id"].as_i64().unwrap()],
            "Léa",
            "Martin",
            false,
        )
        .await;
    for (child, why) in [
        (json!(theirs), "another household's child"),
        (holder, "an adult"),
    ] {
        let refused = app
            .post_auth(
                "/api/requests",
                &citizen,
                &json!({"procedure": "fiche-enfant", "answers": answers(&app, &citizen, child, |_| {}).await}),
            )
            .await;
        assert_eq!(refused.status(), 422, "{why}");
        assert_eq!(
            field_codes(&problem(refused).await),
            [("answers.child".into(), "not_a_member".into())],
            "{why}"
        );
    }
    // Their own child: the request concerns it, its enrolment follows acceptance.
    let eric = app.add_child(&[account], "Éric", "Dupin", false).await;
    let answers = answers(&app, &citizen, json!(eric), |_| {}).await;
    let done = accepted(&app, &citizen, &agent, answers).await;
    assert_eq!(done["request"]["person"]["id"], eric);
    let profile = app.get_json("/api/me/profile", &citizen).await;
    assert_eq!(profile["activities"][0]["person_id"], eric);
    assert_eq!(profile["schooled_children"][0]["person_id"], eric);
}

#[tokio::test]
async fn the_canteen_needs_the_school_and_a_new_child_is_checked_field_by_field() {
    let (app, citizen, _, _) = quievrechain().await;
    let mut child = tim();
    child.as_object_mut().unwrap().remove("birth_department");
    child["sex"] = json!("robot");
    let answers = answers(&app, &citizen, child, |a| {
        let a = a.as_object_mut().unwrap();
        a.remove("establishment");
        a.remove("level");
    })
    .await;
    // A draft keeps what is missing, not what is wrong.
    let refused = send_fiche(&app, &citizen, &answers).await;
    assert_eq!(refused.status(), 422);
    let mut codes = field_codes(&problem(refused).await);
    codes.sort();
    assert_eq!(
        codes,
        [
            ("answers.child.birth_department".into(), "required".into()),
            ("answers.child.sex".into(), "invalid_value".into())
        ]
    );
    // Sent for the canteen, the fiche needs the school.
    let mut answers = answers;
    answers["child"] = tim();
    let refused = send_fiche(&app, &citizen, &answers).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        field_codes(&problem(refused).await),
        [
            ("answers.establishment".into(), "required".into()),
            ("answers.level".into(), "required".into())
        ]
    );
    // Les mercredis kids alone: no school needed.
    answers["activities"] = json!(["mercredis-kids"]);
    assert_eq!(
        send_fiche(&app, &citizen, &answers).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn separated_parents_register_the_same_child_once_each_with_its_own_enrolments() {
    let (app, mother, agent, _) = quievrechain().await;
    let father = token(
        &app.create_account("dupin.marc@yopmail.com", "marc.dupin", people::PASSWORD)
            .await,
    );
    let first = answers(&app, &mother, tim(), |_| {}).await;
    accepted(&app, &mother, &agent, first).await;
    // The father types the same child his own way.
    let mut same = tim();
    same["birth_name"] = json!("  dupin ");
    same["first_name"] = json!("TIM");
    let second = answers(&app, &father, same, |a| {
        a["activities"] = json!(["mercredis-kids"])
    })
    .await;
    accepted(&app, &father, &agent, second).await;

    let child_of = |profile: &Value| {
        profile["household"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["role"] == "child")
            .map(|m| m["person_id"].clone())
            .unwrap()
    };
    let theirs = app.get_json("/api/me/profile", &mother).await;
    let his = app.get_json("/api/me/profile", &father).await;
    assert_eq!(
        child_of(&theirs),
        child_of(&his),
        "one person, linked to both"
    );
    let activities = |p: &Value| -> Vec<String> {
        p["activities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["activity"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(activities(&theirs), ["restauration-scolaire"]);
    assert_eq!(activities(&his), ["mercredis-kids"]);
    assert_eq!(his["relations"][0]["related_person_id"], child_of(&his));
}
