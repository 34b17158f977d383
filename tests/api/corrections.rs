//! "Corriger une réponse": the agent who took a fiche corrects the level with a reason
//! before accepting; the history says what changed and why, and the acceptance applies
//! the corrected answer.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::documents::{commune_with_family_and_agent, fiche_answers, send_fiche};

use crate::agent::act;

#[tokio::test]
async fn an_agent_corrects_an_answer_with_a_reason_before_accepting() {
    let (app, citizen, agent) = commune_with_family_and_agent("quievrechain").await;
    let procedure = app.get_json("/api/procedures/fiche-enfant", &citizen).await;
    let tim = json!({"sex": "male", "birth_name": "Dupin", "first_name": "Tim",
        "birth_date": "2019-05-14", "birth_country": "France", "birth_city": "Valenciennes",
        "birth_department": "59"});
    let sent = send_fiche(&app, &citizen, &fiche_answers(&procedure, tim)).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let id = sent.json::<Value>().await.unwrap()["request"]["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/agent/requests/{id}/corrections");
    let correction = json!({"field": "level", "value": "CE1",
        "reason": "L'école nous indique que l'enfant passe en CE1."});

    // Citizens never correct; an agent corrects only what they took.
    let refused = app.post_auth(&path, &citizen, &correction).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app.post_auth(&path, &agent, &correction).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(problem(refused).await["code"], "invalid_transition");
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);

    // A wrong answer, a field the form lacks, no reason: refused, nothing changed.
    for (body, field, code) in [
        (
            json!({"field": "level", "value": "6e", "reason": "x"}),
            "answers.level",
            "invalid_value",
        ),
        (
            json!({"field": "pointure", "value": "32", "reason": "x"}),
            "field",
            "invalid_value",
        ),
        (
            json!({"field": "level", "value": "CE1", "reason": " "}),
            "reason",
            "required",
        ),
        (
            json!({"field": "activities", "value": null, "reason": "x"}),
            "answers.activities",
            "required",
        ),
    ] {
        let refused = app.post_auth(&path, &agent, &body).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            field_codes(&problem(refused).await),
            [(field.to_string(), code.to_string())]
        );
    }
    let seen = app
        .get_json(&format!("/api/agent/requests/{id}"), &agent)
        .await;
    assert_eq!(seen["answers"]["level"], "CP");

    let corrected = app.post_auth(&path, &agent, &correction).await;
    assert_eq!(corrected.status(), StatusCode::OK);
    let corrected: Value = corrected.json().await.unwrap();
    assert_eq!(corrected["answers"]["level"], "CE1");
    let last = corrected["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        last["comment"],
        "Correction de « Niveau » : « CP » → « CE1 ». Motif : L'école nous indique que l'enfant passe en CE1."
    );
    assert_eq!(last["by"], "AGENT Anne");
    // The family sees it too.
    let theirs = app.get_json(&format!("/api/requests/{id}"), &citizen).await;
    assert_eq!(theirs["answers"]["level"], "CE1");

    assert_eq!(
        act(&app, &agent, id, "accept", json!({})).await.status(),
        200
    );
    let profile = app.get_json("/api/me/profile", &citizen).await;
    assert_eq!(profile["schooled_children"][0]["level"], "CE1");
    // Once decided, no more corrections.
    let late = app.post_auth(&path, &agent, &correction).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
}
