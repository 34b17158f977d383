//! The agents' side: inbox, take, comment, accept (applying a change), refuse; staff.

use domain::auth::Role;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

use crate::requests::{room_rental, submitted, token};

async fn act(app: &TestApp, agent: &str, id: i64, action: &str, body: Value) -> reqwest::Response {
    app.post_auth(&format!("/api/agent/requests/{id}/{action}"), agent, &body)
        .await
}

#[tokio::test]
async fn citizens_cannot_use_the_agent_endpoints() {
    let app = TestApp::spawn().await;
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let response = app.get_auth("/api/agent/requests", &citizen).await;
    assert_eq!(response.status(), 403);
    assert_eq!(problem(response).await["code"], "forbidden");
    assert_eq!(app.get("/api/agent/requests").await.status(), 401);
    let body = json!({"civility": "madame", "first_name": "Anne", "birth_name": "Agent", "email": "a@mairie.fr", "role": "agent"});
    assert_eq!(
        app.post_auth("/api/admin/staff", &citizen, &body)
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn the_inbox_lists_sent_requests_with_filters_and_paging() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let first = submitted(&app, &pascal).await;
    let second = submitted(&app, &pascal).await;
    app.post_auth("/api/requests", &pascal, &room_rental(3))
        .await; // a draft: private
    let page: Value = app
        .get_auth("/api/agent/requests", &agent)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 2);
    assert_eq!(
        page["items"][0]["id"], second["request"]["id"],
        "latest number first"
    );
    assert_eq!(page["items"][1]["id"], first["request"]["id"]);

    let one: Value = app
        .get_auth("/api/agent/requests?per_page=1&page=2", &agent)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one["items"].as_array().unwrap().len(), 1);
    assert_eq!(one["items"][0]["id"], first["request"]["id"]);

    act(
        &app,
        &agent,
        first["request"]["id"].as_i64().unwrap(),
        "take",
        json!({}),
    )
    .await;
    let taken: Value = app
        .get_auth("/api/agent/requests?status=in_progress", &agent)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(taken["total"], 1);
    let by_name: Value = app
        .get_auth("/api/agent/requests?person=dup", &agent)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_name["total"], 2);
    let nobody: Value = app
        .get_auth("/api/agent/requests?person=zorro", &agent)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(nobody["total"], 0);
    let by_procedure: Value = app
        .get_auth(
            "/api/agent/requests?procedure=location-salle-des-fetes&from=2000-01-01&to=2999-12-31",
            &agent,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(by_procedure["total"], 2);
    let future: Value = app
        .get_auth("/api/agent/requests?from=2999-01-01", &agent)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(future["total"], 0);

    let bad = app
        .get_auth("/api/agent/requests?status=perdu", &agent)
        .await;
    assert_eq!(bad.status(), 400);
    assert_eq!(problem(bad).await["code"], "invalid_query");
    let bad = app
        .get_auth("/api/agent/requests?per_page=1000", &agent)
        .await;
    assert_eq!(
        field_codes(&problem(bad).await),
        [("per_page".into(), "invalid_value".into())]
    );
}

#[tokio::test]
async fn taking_a_request_locks_it_for_the_citizen_and_tells_them() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let request = submitted(&app, &pascal).await;
    let id = request["request"]["id"].as_i64().unwrap();
    let number = request["request"]["number"].as_i64().unwrap();
    let taken = act(&app, &agent, id, "take", json!({})).await;
    assert_eq!(taken.status(), 200);
    let taken: Value = taken.json().await.unwrap();
    assert_eq!(taken["request"]["status"], "in_progress");
    assert_eq!(taken["history"][2]["by"], "AGENT Anne");
    app.smtp
        .wait_for("dupin@yopmail.com", &format!("votre demande n° {number}"))
        .await;

    let edit = app
        .put_auth(&format!("/api/requests/{id}"), &pascal, &room_rental(5))
        .await;
    assert_eq!(edit.status(), 409);
    assert_eq!(problem(edit).await["code"], "request_locked");
    let again = act(&app, &agent, id, "take", json!({})).await;
    assert_eq!(problem(again).await["code"], "invalid_transition");
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
    let before: Value = app
        .get_auth("/api/me/profile", &pascal)
        .await
        .json()
        .await
        .unwrap();
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

    let after: Value = app
        .get_auth("/api/me/profile", &pascal)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(after["civil"]["usage_name"], "Dupin-Martin");
    assert_eq!(
        after["civil"]["birth_name"], "Dupin",
        "fields left empty are unchanged"
    );
    let mine: Value = app
        .get_auth("/api/requests", &pascal)
        .await
        .json()
        .await
        .unwrap();
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
async fn refusing_needs_a_reason_that_the_citizen_reads() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let id = submitted(&app, &pascal).await["request"]["id"]
        .as_i64()
        .unwrap();
    act(&app, &agent, id, "take", json!({})).await;
    let empty = act(&app, &agent, id, "refuse", json!({"text": "  "})).await;
    assert_eq!(
        field_codes(&problem(empty).await),
        [("text".into(), "required".into())]
    );
    let refused = act(
        &app,
        &agent,
        id,
        "refuse",
        json!({"text": "La salle est déjà réservée ce jour-là."}),
    )
    .await;
    assert_eq!(refused.status(), 200);
    let detail: Value = app
        .get_auth(&format!("/api/requests/{id}"), &pascal)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["request"]["status"], "refused");
    assert_eq!(
        detail["refusal_reason"],
        "La salle est déjà réservée ce jour-là."
    );
    assert_eq!(detail["editable"], false);
    let comment = act(
        &app,
        &agent,
        id,
        "comments",
        json!({"text": "Une autre date est libre le 19 juin."}),
    )
    .await;
    assert_eq!(comment.status(), 200);
    let detail: Value = app
        .get_auth(&format!("/api/requests/{id}"), &pascal)
        .await
        .json()
        .await
        .unwrap();
    let last = detail["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["comment"], "Une autre date est libre le 19 juin.");
    assert_eq!(last["from"], last["to"]);
}

#[tokio::test]
async fn agents_read_households_but_never_drafts() {
    let app = TestApp::spawn().await;
    let pascal = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let draft: Value = app
        .post_auth("/api/requests", &pascal, &room_rental(3))
        .await
        .json()
        .await
        .unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    assert_eq!(
        app.get_auth(&format!("/api/agent/requests/{id}"), &agent)
            .await
            .status(),
        404
    );
    let sent = submitted(&app, &pascal).await;
    let household = sent["household_id"].as_i64().unwrap();
    let profile: Value = app
        .get_auth(&format!("/api/agent/households/{household}"), &agent)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["civil"]["birth_name"], "Dupin");
    assert_eq!(profile["contacts"]["email"], "dupin@yopmail.com");
    assert_eq!(
        app.get_auth("/api/agent/households/999999", &agent)
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn an_admin_creates_agents_who_choose_their_own_password() {
    let app = TestApp::spawn().await;
    let admin = token(
        &app.create_staff("admin@mairie.fr", "Alice", Role::Admin)
            .await,
    );
    let body = json!({"civility": "monsieur", "first_name": "Bruno", "birth_name": "Guichetier", "email": "bruno@mairie.fr", "role": "agent"});
    let created = app.post_auth("/api/admin/staff", &admin, &body).await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    assert_eq!(created["login"], "bruno.guichetier");
    assert_eq!(created["role"], "agent");
    let mail = app
        .smtp
        .wait_for("bruno@mairie.fr", "votre compte agent")
        .await;
    assert!(mail.body.contains("bruno.guichetier"));
    assert_eq!(
        app.login("bruno.guichetier", "").await.status(),
        422,
        "no password until chosen"
    );
    let again = app.post_auth("/api/admin/staff", &admin, &body).await;
    assert_eq!(again.status(), 409);
    assert_eq!(problem(again).await["code"], "email_taken");

    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let mut other = body.clone();
    other["email"] = json!("autre@mairie.fr");
    assert_eq!(
        app.post_auth("/api/admin/staff", &agent, &other)
            .await
            .status(),
        403,
        "agents do not create staff"
    );
}

#[tokio::test]
async fn the_create_admin_command_prints_a_password_link_and_never_sets_a_password() {
    let app = TestApp::spawn().await;
    let args: Vec<String> = [
        "--email",
        "maire@mairie.fr",
        "--first-name",
        "Martine",
        "--birth-name",
        "Maire",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let new = api::admin_cli::parse(&args).unwrap();
    let settings = (*app.state.settings).clone();
    let message = api::admin_cli::run(settings, new).await.unwrap();
    assert!(message.contains("martine.maire"));
    let link = message
        .lines()
        .find(|l| l.contains("/reinitialisation/"))
        .unwrap();
    let token_part = link.rsplit('/').next().unwrap();
    let body = json!({"password": people::PASSWORD, "password_confirmation": people::PASSWORD});
    assert_eq!(
        app.post(&format!("/api/password-resets/{token_part}"), &body)
            .await
            .status(),
        204
    );
    let session: Value = app
        .login("martine.maire", people::PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(session["account"]["role"], "admin");
    assert!(api::admin_cli::parse(&args[..2]).is_err());
}

/// Answers of "Mise à jour d'une filiation" declaring a child.
fn child(
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
async fn accepted(
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
    let profile: Value = app
        .get_auth("/api/me/profile", &pascal)
        .await
        .json()
        .await
        .unwrap();
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
    let social: Value = app
        .get_auth("/api/me/profile", &pascal)
        .await
        .json()
        .await
        .unwrap();
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
    let profile: Value = app
        .get_auth("/api/me/profile", &pascal)
        .await
        .json()
        .await
        .unwrap();
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
    let profile: Value = app
        .get_auth("/api/me/profile", &pascal)
        .await
        .json()
        .await
        .unwrap();
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
    let pdf = lopdf::Document::load_mem(&bytes).expect("a valid PDF");
    let text = pdf.extract_text(&[1]).expect("text of page 1");
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
            text.replace('\n', " ").contains(expected),
            "«{expected}» in «{text}»"
        );
    }
    // Another household cannot download it.
    assert_eq!(app.get_auth(&path, &marie).await.status(), 404);
}
