//! Capacity: beyond it a booking waits in line and is told its place; a cancellation gives
//! the place to the first in line in the same transaction and mails that family; many
//! bookings at once take exactly the places there are. Exclusive units (garderie gratuite
//! or payante) are booked one a day.

use futures_util::future::join_all;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::{people, TestApp};

use crate::requests::token;

const WEDNESDAY: (&str, &str) = ("mercredis-kids", "matin");

/// A portal whose Wednesday mornings take `places` children.
async fn with_places(places: u32) -> TestApp {
    TestApp::spawn_with_kids(move |unit| unit.capacity = Some(places)).await
}

/// A family whose child is enrolled on Wednesdays: token and child.
async fn family(app: &TestApp, email: &str, login: &str, child: &str) -> (String, i64) {
    let session = app.create_account(email, login, people::PASSWORD).await;
    let account = session["account"]["id"].as_i64().unwrap();
    let child = app.add_child(&[account], child, "Famille", false).await;
    app.enrol(account, child, &["mercredis-kids"], false).await;
    (token(&session), child)
}

async fn book(app: &TestApp, token: &str, child: i64, day: chrono::NaiveDate) -> Value {
    let response = app
        .post_auth(
            &format!("/api/agenda/{child}/bookings"),
            token,
            &json!({"day": day, "activity": WEDNESDAY.0, "unit": WEDNESDAY.1}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

/// The Wednesday unit of the agenda's first day.
fn unit(agenda: &Value) -> &Value {
    agenda["days"][0]["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["activity"] == WEDNESDAY.0)
        .unwrap()
}

fn state(agenda: &Value) -> (&str, &Value) {
    let unit = unit(agenda);
    (unit["state"].as_str().unwrap(), &unit["position"])
}

#[tokio::test]
async fn beyond_capacity_a_booking_waits_and_a_cancellation_promotes_the_first_in_line() {
    let app = with_places(1).await;
    let (anne, lea) = family(&app, "anne@yopmail.com", "anne.famille", "Léa").await;
    let (bruno, tom) = family(&app, "bruno@yopmail.com", "bruno.famille", "Tom").await;
    let (carole, zoe) = family(&app, "carole@yopmail.com", "carole.famille", "Zoé").await;
    let day = app
        .days_in_state(&anne, lea, TestApp::tomorrow(), WEDNESDAY, "bookable", 1)
        .await[0];

    assert_eq!(book(&app, &anne, lea, day).await["status"], "booked");
    let second = book(&app, &bruno, tom, day).await;
    assert_eq!(
        (&second["status"], &second["position"]),
        (&json!("waiting"), &json!(1))
    );
    let third = book(&app, &carole, zoe, day).await;
    assert_eq!(
        (&third["status"], &third["position"]),
        (&json!("waiting"), &json!(2))
    );
    let agenda = app.agenda(&carole, zoe, day).await;
    assert_eq!(state(&agenda), ("waiting", &json!(2)));
    assert_eq!(agenda["days"][0]["state"], "booked");

    // Léa's place goes to Tom at once; his family is told; Zoé moves up.
    let id = unit(&app.agenda(&anne, lea, day).await)["booking_id"]
        .as_i64()
        .unwrap();
    let cancelled = app
        .delete_auth(&format!("/api/agenda/{lea}/bookings/{id}"), &anne)
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    assert_eq!(
        state(&app.agenda(&bruno, tom, day).await),
        ("booked", &Value::Null)
    );
    assert_eq!(
        state(&app.agenda(&carole, zoe, day).await),
        ("waiting", &json!(1))
    );
    let mail = app
        .smtp
        .wait_for("bruno@yopmail.com", "une place s'est libérée")
        .await;
    let body = mail.body.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(body.contains("FAMILLE Tom"), "{body}");
    assert!(body.contains("Les mercredis kids (Matin)"), "{body}");
    assert!(body.contains(&day.format("%d/%m/%Y").to_string()), "{body}");
    let history = app
        .get_json(
            &format!("/api/agenda/{tom}/history?from={day}&to={day}"),
            &bruno,
        )
        .await;
    assert_eq!(history[0]["action"], "promote");
    assert_eq!(history[0]["author"], "Mairie (liste d'attente)");
    assert_eq!(history[1]["action"], "add");
    // Leaving the waiting list frees nothing: Tom stays booked.
    let zoe_booking = unit(&app.agenda(&carole, zoe, day).await)["booking_id"]
        .as_i64()
        .unwrap();
    let left = app
        .delete_auth(
            &format!("/api/agenda/{zoe}/bookings/{zoe_booking}"),
            &carole,
        )
        .await;
    assert_eq!(left.status(), StatusCode::OK);
    assert_eq!(
        state(&app.agenda(&bruno, tom, day).await),
        ("booked", &Value::Null)
    );
}

#[tokio::test]
async fn bookings_arriving_together_take_exactly_the_places_there_are() {
    let app = with_places(5).await;
    let session = app
        .create_account("grande@yopmail.com", "grande.famille", people::PASSWORD)
        .await;
    let (parent, account) = (token(&session), session["account"]["id"].as_i64().unwrap());
    let mut children = Vec::new();
    for n in 0..20 {
        let child = app
            .add_child(&[account], &format!("Enfant{n}"), "Famille", false)
            .await;
        app.enrol(account, child, &["mercredis-kids"], false).await;
        children.push(child);
    }
    let day = app
        .days_in_state(
            &parent,
            children[0],
            TestApp::tomorrow(),
            WEDNESDAY,
            "bookable",
            1,
        )
        .await[0];
    let answers = join_all(children.iter().map(|&child| {
        let (app, parent) = (&app, &parent);
        async move { book(app, parent, child, day).await }
    }))
    .await;
    let booked = answers.iter().filter(|b| b["status"] == "booked").count();
    let mut positions: Vec<i64> = answers
        .iter()
        .filter(|b| b["status"] == "waiting")
        .map(|b| b["position"].as_i64().unwrap())
        .collect();
    positions.sort();
    assert_eq!(booked, 5, "{answers:?}");
    assert_eq!(positions, (1..=15).collect::<Vec<i64>>());
}

#[tokio::test]
async fn garderie_gratuite_or_payante_one_a_morning() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let (parent, account) = (token(&session), session["account"]["id"].as_i64().unwrap());
    let tim = app.add_child(&[account], "Tim", "Dupin", false).await;
    app.enrol(account, tim, &["garderie"], false).await;
    let free = ("garderie", "matin-gratuite");
    let day = app
        .days_in_state(&parent, tim, TestApp::tomorrow(), free, "bookable", 1)
        .await[0];
    let post = |unit: &'static str| {
        let (app, parent) = (&app, &parent);
        async move {
            app.post_auth(
                &format!("/api/agenda/{tim}/bookings"),
                parent,
                &json!({"day": day, "activity": "garderie", "unit": unit}),
            )
            .await
        }
    };
    assert_eq!(post("matin-gratuite").await.status(), StatusCode::CREATED);
    let paying = post("matin-payante").await;
    assert_eq!(paying.status(), StatusCode::CONFLICT);
    assert_eq!(
        tests::app::problem(paying).await["code"],
        "exclusive_unit_booked"
    );
    // The evening is another slot.
    assert_eq!(post("soir-payante").await.status(), StatusCode::CREATED);
    let agenda = app.agenda(&parent, tim, day).await;
    // The agenda says so before anyone tries: the other morning unit is taken.
    let state = |unit: &str| {
        agenda["days"][0]["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["unit"] == unit)
            .map(|u| u["state"].clone())
            .unwrap()
    };
    assert_eq!(state("matin-payante"), "other_unit_booked");
    assert_eq!(state("soir-gratuite"), "other_unit_booked");
    assert_eq!(state("matin-gratuite"), "booked");
    // Hesdigneul shows its bookings in red ("En rouge : ce sont les réservations").
    let commune: Value = app.get("/api/commune").await.json().await.unwrap();
    assert_eq!(commune["booked_colour"], "red");
    let units = agenda["units"].as_array().unwrap();
    assert!(units
        .iter()
        .any(|u| u["label"] == "Garderie matin payante 07:30 - 08:19"));
}

#[tokio::test]
async fn a_capacity_given_after_bookings_were_made_counts_them() {
    let app = with_places(2).await;
    let mut first = Vec::new();
    for (email, login, name) in [
        ("anne@yopmail.com", "anne.famille", "Léa"),
        ("bruno@yopmail.com", "bruno.famille", "Tom"),
    ] {
        let session = app.create_account(email, login, people::PASSWORD).await;
        let account = session["account"]["id"].as_i64().unwrap();
        let child = app.add_child(&[account], name, "Famille", false).await;
        app.enrol(account, child, &["mercredis-kids"], false).await;
        first.push((account, child));
    }
    let (carole, zoe) = family(&app, "carole@yopmail.com", "carole.famille", "Zoé").await;
    let day = app
        .days_in_state(&carole, zoe, TestApp::tomorrow(), WEDNESDAY, "bookable", 1)
        .await[0];
    // Two children were booked before the unit had a capacity of 2.
    for (account, child) in first {
        app.booked_before(account, child, WEDNESDAY, day).await;
    }
    let third = book(&app, &carole, zoe, day).await;
    assert_eq!(
        (&third["status"], &third["position"]),
        (&json!("waiting"), &json!(1))
    );
}
