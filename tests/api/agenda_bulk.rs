//! "Saisie groupée": a preview that changes nothing, then the same applied, with each day
//! booked or skipped with its reason; run again, everything is already booked; deleted
//! the same way. Another household's child and bad periods are refused.

use chrono::Days;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::TestApp;

async fn bulk(app: &TestApp, token: &str, form: &Value) -> Value {
    let response = app.post_auth("/api/agenda/bulk", token, form).await;
    assert_eq!(response.status(), StatusCode::OK, "{form}");
    response.json().await.unwrap()
}

fn count(report: &Value, outcome: &str) -> usize {
    report["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["outcome"] == outcome)
        .count()
}

#[tokio::test]
async fn a_bulk_booking_is_previewed_then_applied_with_a_report() {
    let app = TestApp::spawn().await;
    let (parent, account, eric) = app.canteen_family().await;
    let lea = app.add_child(&[account], "Léa", "Dupin", false).await;
    app.enrol(account, lea, &["restauration-scolaire"], true)
        .await;
    let from = TestApp::tomorrow();
    let to = from + Days::new(41);
    let mut form = json!({"persons": [eric, lea], "action": "create", "from": from, "to": to,
        "units": [{"activity": "restauration-scolaire", "unit": "repas"}],
        "periodicity": "every_week", "weekdays": ["mon", "tue", "wed", "thu", "fri"], "apply": false});

    let preview = bulk(&app, &parent, &form).await;
    assert_eq!(preview["applied"], false);
    let booked = preview["booked"].as_u64().unwrap() as usize;
    assert!(booked >= 2, "{preview}");
    assert_eq!(booked, count(&preview, "booked"));
    assert_eq!(
        preview["skipped"].as_u64().unwrap() as usize,
        count(&preview, "skipped")
    );
    // The canteen is never open on Wednesdays: no line for them.
    assert!(preview["lines"].as_array().unwrap().iter().all(|l| {
        let day: chrono::NaiveDate = l["day"].as_str().unwrap().parse().unwrap();
        chrono::Datelike::weekday(&day) != chrono::Weekday::Wed
    }));
    for line in preview["lines"].as_array().unwrap() {
        if line["outcome"] == "skipped" {
            assert!(line["reason"].is_string(), "{line}");
        }
    }
    // Nothing changed.
    let first = preview["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["outcome"] == "booked")
        .unwrap()
        .clone();
    let day: chrono::NaiveDate = first["day"].as_str().unwrap().parse().unwrap();
    let history = |who: i64| {
        format!(
            "/api/agenda/{who}/history?from={from}&to={}",
            from + Days::new(41)
        )
    };
    assert_eq!(app.get_json(&history(eric), &parent).await, json!([]));

    // Applied: the same report, and the days are booked.
    form["apply"] = json!(true);
    let applied = bulk(&app, &parent, &form).await;
    assert_eq!(applied["applied"], true);
    assert_eq!(applied["lines"], preview["lines"]);
    let agenda = app
        .agenda(&parent, first["person_id"].as_i64().unwrap(), day)
        .await;
    assert_eq!(agenda["days"][0]["state"], "booked");
    assert_eq!(
        app.get_json(&history(eric), &parent)
            .await
            .as_array()
            .unwrap()
            .len()
            + app
                .get_json(&history(lea), &parent)
                .await
                .as_array()
                .unwrap()
                .len(),
        booked
    );

    // Again: every day is already booked.
    let again = bulk(&app, &parent, &form).await;
    assert_eq!(again["booked"], 0);
    assert!(again["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["outcome"] == "skipped")
        .any(|l| l["reason"] == "already_booked"));

    // Deleted the same way.
    form["action"] = json!("delete");
    let deleted = bulk(&app, &parent, &form).await;
    assert_eq!(deleted["cancelled"].as_u64().unwrap() as usize, booked);
    let agenda = app
        .agenda(&parent, first["person_id"].as_i64().unwrap(), day)
        .await;
    assert_eq!(agenda["days"][0]["state"], "bookable");
}

#[tokio::test]
async fn a_bulk_booking_stays_in_the_household_and_within_bounds() {
    let app = TestApp::spawn().await;
    let (parent, _, eric) = app.canteen_family().await;
    let other = app
        .create_account("martin@yopmail.com", "luc.martin", tests::people::PASSWORD)
        .await;
    let other = other["access_token"].as_str().unwrap().to_string();
    let from = TestApp::tomorrow();
    let form = |persons: Value, to: chrono::NaiveDate, unit: &str| {
        json!({"persons": persons, "action": "create", "from": from, "to": to,
            "units": [{"activity": "restauration-scolaire", "unit": unit}],
            "periodicity": "none", "weekdays": ["mon"], "apply": true})
    };
    let post = |token: String, body: Value| {
        let app = &app;
        async move { app.post_auth("/api/agenda/bulk", &token, &body).await }
    };
    let near = from + Days::new(20);
    assert_eq!(
        post(other.clone(), form(json!([eric]), near, "repas"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    for (body, field, code) in [
        (
            form(json!([eric]), from + Days::new(400), "repas"),
            "to",
            "invalid_period",
        ),
        (form(json!([eric]), near, "gouter"), "unit", "unknown_unit"),
        (form(json!([]), near, "repas"), "persons", "required"),
    ] {
        let refused = post(parent.clone(), body).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            tests::app::field_codes(&tests::app::problem(refused).await),
            [(field.to_string(), code.to_string())]
        );
    }
    // Nothing was booked by the refusals.
    let history = format!(
        "/api/agenda/{eric}/history?from={from}&to={}",
        from + Days::new(41)
    );
    assert_eq!(app.get_json(&history, &parent).await, json!([]));
}
