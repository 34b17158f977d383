//! "Mon profil": what the account holder sees and changes directly.

use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

fn token(session: &Value) -> &str {
    session["access_token"].as_str().unwrap()
}

fn address(name: &str) -> Value {
    json!({
        "name": name,
        "country": "France",
        "city": "Hesdigneul les Boulogne",
        "postal_code": "62360",
        "street_number": "12",
        "street_number_complement": "bis",
        "street": "Rue des Buissons Fleuris",
        "street_complement": "",
    })
}

#[tokio::test]
async fn a_new_account_holder_sees_their_civil_data_and_a_household_of_one() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let response = app.get_auth("/api/me/profile", token(&session)).await;
    assert_eq!(response.status(), 200);
    let profile: Value = response.json().await.unwrap();
    assert_eq!(profile["civil"]["civility"], "monsieur");
    assert_eq!(profile["civil"]["birth_name"], "Dupin");
    assert_eq!(profile["civil"]["birth_date"], "1988-03-04");
    assert_eq!(profile["civil"]["birth_department"], "69");
    assert_eq!(
        profile["civil"]["usage_name"],
        Value::Null,
        "shown as « Non renseigné »"
    );
    assert_eq!(profile["social"]["family_quotient"], Value::Null);
    assert_eq!(profile["contacts"]["email"], "dupin@yopmail.com");
    assert_eq!(profile["contacts"]["mobile"], Value::Null);
    assert_eq!(profile["addresses"], json!([]));
    assert_eq!(
        profile["household"],
        json!([{"person_id": profile["household"][0]["person_id"], "first_name": "Pascal", "birth_name": "Dupin", "role": "account_holder"}])
    );
    assert_eq!(profile["schooled_children"], json!([]));
    assert_eq!(app.get("/api/me/profile").await.status(), 401);
}

#[tokio::test]
async fn contacts_change_directly_and_are_normalised() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let response = app
        .put_auth(
            "/api/me/contacts",
            token(&session),
            &json!({"mobile": "06.06.06.06.06", "landline": "", "work_phone": "+33 3 21 00 00 00"}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let profile: Value = app.get_json("/api/me/profile", token(&session)).await;
    assert_eq!(profile["contacts"]["mobile"], "06 06 06 06 06");
    assert_eq!(profile["contacts"]["work_phone"], "03 21 00 00 00");
    assert_eq!(profile["contacts"]["landline"], Value::Null);

    let bad = app
        .put_auth(
            "/api/me/contacts",
            token(&session),
            &json!({"mobile": "appelez-moi"}),
        )
        .await;
    assert_eq!(bad.status(), 422);
    assert_eq!(
        field_codes(&problem(bad).await),
        [("mobile".into(), "invalid_phone".into())]
    );
    let unchanged: Value = app.get_json("/api/me/profile", token(&session)).await;
    assert_eq!(unchanged["contacts"]["mobile"], "06 06 06 06 06");
}

#[tokio::test]
async fn addresses_are_added_changed_and_deleted_with_one_default() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = token(&session);
    let first = app
        .post_auth("/api/me/addresses", t, &address("Adresse principale"))
        .await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    assert_eq!(
        first["is_default"], true,
        "the first address is the default"
    );
    assert_eq!(first["city"], "HESDIGNEUL LES BOULOGNE");

    let mut second = address("Adresse secondaire");
    second["is_default"] = json!(true);
    let second: Value = app
        .post_auth("/api/me/addresses", t, &second)
        .await
        .json()
        .await
        .unwrap();
    let profile: Value = app.get_json("/api/me/profile", t).await;
    let defaults: Vec<&Value> = profile["addresses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["is_default"] == true)
        .collect();
    assert_eq!(defaults.len(), 1);
    assert_eq!(defaults[0]["id"], second["id"]);

    let mut changed = address("Adresse principale");
    changed["street"] = json!("Place de la Mairie");
    let response = app
        .put_auth(&format!("/api/me/addresses/{}", first["id"]), t, &changed)
        .await;
    assert_eq!(response.status(), 200);
    let changed: Value = response.json().await.unwrap();
    assert_eq!(changed["street"], "Place de la Mairie");

    let deleted = app
        .delete_auth(&format!("/api/me/addresses/{}", second["id"]), t)
        .await;
    assert_eq!(deleted.status(), 204);
    let profile: Value = app.get_json("/api/me/profile", t).await;
    assert_eq!(profile["addresses"].as_array().unwrap().len(), 1);
    assert_eq!(
        profile["addresses"][0]["is_default"], true,
        "the remaining address became the default"
    );
}

#[tokio::test]
async fn an_address_needs_its_fields_and_a_french_postal_code() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let mut bad = address("");
    bad["postal_code"] = json!("6236");
    bad["street"] = json!(" ");
    let response = app
        .post_auth("/api/me/addresses", token(&session), &bad)
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        field_codes(&problem(response).await),
        [
            ("name".into(), "required".into()),
            ("postal_code".into(), "invalid_postal_code".into()),
            ("street".into(), "required".into()),
        ]
    );
}

#[tokio::test]
async fn a_citizen_never_reaches_another_households_address() {
    let app = TestApp::spawn().await;
    let pascal = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let marie = app
        .create_account("marie@yopmail.com", "marie.diva", people::PASSWORD)
        .await;
    let hers: Value = app
        .post_auth(
            "/api/me/addresses",
            token(&marie),
            &address("Adresse principale"),
        )
        .await
        .json()
        .await
        .unwrap();
    let path = format!("/api/me/addresses/{}", hers["id"]);
    let change = app
        .put_auth(&path, token(&pascal), &address("Piratée"))
        .await;
    assert_eq!(change.status(), 404);
    let delete = app.delete_auth(&path, token(&pascal)).await;
    assert_eq!(delete.status(), 404);
    let profile: Value = app.get_json("/api/me/profile", token(&marie)).await;
    assert_eq!(profile["addresses"][0]["name"], "Adresse principale");
    let his: Value = app.get_json("/api/me/profile", token(&pascal)).await;
    assert_eq!(his["addresses"], json!([]));
}

#[tokio::test]
async fn a_child_of_separated_parents_appears_in_both_households_each_seeing_only_its_own() {
    let app = TestApp::spawn().await;
    let pascal = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let marie = app
        .create_account("marie@yopmail.com", "marie.diva", people::PASSWORD)
        .await;
    let (pascal_id, marie_id) = (
        pascal["account"]["id"].as_i64().unwrap(),
        marie["account"]["id"].as_i64().unwrap(),
    );
    app.add_child(&[pascal_id, marie_id], "Tim", "Dupin", true)
        .await;

    for (session, holder) in [(&pascal, "DUPIN Pascal"), (&marie, "DUPIN Pascal")] {
        let profile: Value = app.get_json("/api/me/profile", token(session)).await;
        let names: Vec<String> = profile["household"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                format!(
                    "{} {}",
                    m["first_name"].as_str().unwrap(),
                    m["role"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(
            names,
            ["Pascal account_holder", "Tim child"],
            "each household: its holder and Tim"
        );
        assert_eq!(
            profile["schooled_children"][0]["establishment"],
            "École Jules Ferry"
        );
        assert_eq!(
            profile["relations"].as_array().unwrap().len(),
            1,
            "only this household's relation"
        );
        assert_eq!(profile["relations"][0]["person_name"], holder);
        assert_eq!(profile["relations"][0]["role"], "legal_guardian");
    }
}
