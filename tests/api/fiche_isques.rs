//! Isques's "Fiche enfant": the school transport question ("le matin", "le soir" or the
//! exclusive "n'emprunte pas"), recorded on acceptance, and the confirmation text that
//! names the mandatory documents.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::documents::{commune_with_family_and_agent, fiche_answers, send_fiche};

use crate::agent::act;

fn child(first_name: &str) -> Value {
    json!({"sex": "male", "birth_name": "Dupin", "first_name": first_name,
           "birth_date": "2014-03-12", "birth_country": "France", "birth_city": "Lyon 02",
           "birth_department": "69"})
}

#[tokio::test]
async fn the_transport_answer_is_recorded_and_no_transport_stands_alone() {
    let (app, citizen, agent) = commune_with_family_and_agent("isques").await;
    let procedure = app.get_json("/api/procedures/fiche-enfant", &citizen).await;
    let confirmation = procedure["form"]["confirmation"].as_str().unwrap();
    assert!(
        confirmation
            .contains("(DT Polio, Livret de famille, RIB et mandat SEPA) sont obligatoires"),
        "{confirmation}"
    );

    let mut florian = fiche_answers(&procedure, child("Florian"));
    florian["activities"] = json!(["restauration-scolaire", "garderie-soir"]);
    florian["transport"] = json!(["morning", "none"]);
    let refused = send_fiche(&app, &citizen, &florian).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(refused).await),
        [(
            "answers.transport".to_string(),
            "exclusive_choice".to_string()
        )]
    );
    florian["transport"] = json!(["morning", "evening"]);
    // A second child whose family did not answer the question: nothing is recorded.
    let paul = fiche_answers(&procedure, child("Paul"));
    for answers in [florian, paul] {
        let sent = send_fiche(&app, &citizen, &answers).await;
        assert_eq!(sent.status(), StatusCode::OK);
        let id = sent.json::<Value>().await.unwrap()["request"]["id"]
            .as_i64()
            .unwrap();
        assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
        assert_eq!(
            act(&app, &agent, id, "accept", json!({})).await.status(),
            200
        );
    }
    let profile = app.get_json("/api/me/profile", &citizen).await;
    let transports = profile["transports"].as_array().unwrap();
    assert_eq!(transports.len(), 1, "{transports:?}");
    assert_eq!(transports[0]["child_name"], "DUPIN Florian");
    assert_eq!(
        (&transports[0]["morning"], &transports[0]["evening"]),
        (&json!(true), &json!(true))
    );
    let florian: Vec<&str> = profile["activities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["child_name"] == "DUPIN Florian")
        .map(|a| a["activity_name"].as_str().unwrap())
        .collect();
    assert_eq!(florian, ["Restauration scolaire", "Garderie soir"]);
}
