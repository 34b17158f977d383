//! The Agenda through the API: a parent books a canteen day, sees it, cancels it; every
//! rule refuses with its code; capacity and the waiting list; another household's child
//! is out of reach.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

use crate::requests::token;

const CANTEEN: (&str, &str) = ("restauration-scolaire", "repas");

/// A family with a child, Éric: the token, the account and the child's id.
pub async fn family(app: &TestApp, email: &str, login: &str) -> (String, i64, i64) {
    let session = app.create_account(email, login, people::PASSWORD).await;
    let account = session["account"]["id"].as_i64().unwrap();
    let child = app.add_child(&[account], "Éric", "Dupin", false).await;
    (token(&session), account, child)
}

pub async fn book(
    app: &TestApp,
    token: &str,
    child: i64,
    day: NaiveDate,
    (activity, unit): (&str, &str),
) -> reqwest::Response {
    app.post_auth(
        &format!("/api/agenda/{child}/bookings"),
        token,
        &json!({"day": day, "activity": activity, "unit": unit}),
    )
    .await
}

pub async fn refused(response: reqwest::Response) -> (StatusCode, String) {
    let status = response.status();
    (
        status,
        problem(response).await["code"]
            .as_str()
            .unwrap()
            .to_string(),
    )
}

pub fn unit_of<'a>(agenda: &'a Value, day: NaiveDate, (activity, unit): (&str, &str)) -> &'a Value {
    let day = agenda["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == day.to_string())
        .unwrap();
    day["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["activity"] == activity && u["unit"] == unit)
        .unwrap()
}

#[tokio::test]
async fn a_parent_books_a_canteen_day_sees_it_and_cancels_it() {
    let app = TestApp::spawn().await;
    let (parent, account, child) = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    app.enrol(account, child, &["restauration-scolaire"], true)
        .await;
    let day = app
        .days_in_state(&parent, child, TestApp::tomorrow(), CANTEEN, "bookable", 1)
        .await[0];

    let booked = book(&app, &parent, child, day, CANTEEN).await;
    assert_eq!(booked.status(), StatusCode::CREATED);
    let booked: Value = booked.json().await.unwrap();
    assert_eq!(booked["status"], "booked");
    assert_eq!(booked["position"], Value::Null);

    // The agenda shows the day booked, in words, with its unit cancellable.
    let agenda = app.agenda(&parent, child, day).await;
    assert_eq!(agenda["person_name"], "DUPIN Éric");
    // Quiévrechain shows its bookings in blue (Hesdigneul in red).
    let commune: Value = app.get("/api/commune").await.json().await.unwrap();
    assert_eq!(commune["booked_colour"], "blue");
    assert_eq!(agenda["days"][0]["state"], "booked");
    assert_eq!(agenda["days"][0]["week"], day.iso_week().week());
    let unit = unit_of(&agenda, day, CANTEEN);
    assert_eq!(unit["state"], "booked");
    assert_eq!(unit["booking_id"], booked["id"]);
    assert_eq!(unit["cancellable"], true);
    // Twice is refused.
    assert_eq!(
        refused(book(&app, &parent, child, day, CANTEEN).await).await,
        (StatusCode::CONFLICT, "already_booked".into())
    );

    // Cancelled, the day is bookable again; the history has both actions, by the parent.
    let id = booked["id"].as_i64().unwrap();
    let cancelled = app
        .delete_auth(&format!("/api/agenda/{child}/bookings/{id}"), &parent)
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    assert_eq!(
        cancelled.json::<Value>().await.unwrap()["status"],
        "cancelled"
    );
    let agenda = app.agenda(&parent, child, day).await;
    assert_eq!(unit_of(&agenda, day, CANTEEN)["state"], "bookable");
    let history = app
        .get_json(
            &format!("/api/agenda/{child}/history?from={day}&to={day}"),
            &parent,
        )
        .await;
    let actions: Vec<(&str, &str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["activity"].as_str().unwrap(),
                e["author"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            (
                "cancel",
                "Restauration scolaire (Repas de midi)",
                "DUPIN Pascal"
            ),
            (
                "add",
                "Restauration scolaire (Repas de midi)",
                "DUPIN Pascal"
            )
        ]
    );
    assert_eq!(history[0]["day"], day.to_string());
}

#[tokio::test]
async fn every_rule_is_checked_on_the_server_with_its_code() {
    // A unit booked a long time ahead: its deadline has passed for the coming weeks.
    let app = TestApp::spawn_with_kids(|unit| unit.booking.days = 40).await;
    let (parent, account, child) = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    app.enrol(
        account,
        child,
        &["restauration-scolaire", "mercredis-kids"],
        false,
    )
    .await;
    let today = chrono::Utc::now().date_naive();
    let code = |r| refused(r);

    // Today, and a day gone by.
    for day in [today, today - Days::new(3)] {
        assert_eq!(
            code(book(&app, &parent, child, day, CANTEEN).await).await,
            (StatusCode::CONFLICT, "day_past".into()),
            "{day}"
        );
    }
    // A Sunday: the canteen does not open.
    let sunday = (1..=7)
        .map(|n| today + Days::new(n))
        .find(|d| d.weekday() == Weekday::Sun)
        .unwrap();
    assert_eq!(
        code(book(&app, &parent, child, sunday, CANTEEN).await).await,
        (StatusCode::CONFLICT, "day_closed".into())
    );
    // The canteen needs the child at school this year.
    let day = app
        .days_in_state(&parent, child, TestApp::tomorrow(), CANTEEN, "no_school", 1)
        .await[0];
    assert_eq!(
        code(book(&app, &parent, child, day, CANTEEN).await).await,
        (StatusCode::CONFLICT, "school_enrolment_required".into())
    );
    // Not enrolled in the July leisure centre; the Wednesdays' deadline is 40 days ahead.
    let wednesdays = ("mercredis-kids", "matin");
    let soon = app
        .days_in_state(
            &parent,
            child,
            TestApp::tomorrow(),
            wednesdays,
            "too_late",
            1,
        )
        .await[0];
    assert_eq!(
        code(book(&app, &parent, child, soon, wednesdays).await).await,
        (StatusCode::CONFLICT, "booking_deadline_passed".into())
    );
    // Beyond the 120 days ahead a day can be booked.
    let far = app
        .days_in_state(
            &parent,
            child,
            today + Days::new(121),
            wednesdays,
            "too_early",
            1,
        )
        .await[0];
    assert_eq!(
        code(book(&app, &parent, child, far, wednesdays).await).await,
        (StatusCode::CONFLICT, "beyond_horizon".into())
    );
    // Not enrolled in the July leisure centre (a weekday of next July, in the holidays).
    let july = ("accueil-loisirs-juillet", "journee");
    let next_july = (10..20)
        .map(|d| NaiveDate::from_ymd_opt(today.year() + 1, 7, d).unwrap())
        .find(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .unwrap();
    assert_eq!(
        code(book(&app, &parent, child, next_july, july).await).await,
        (StatusCode::CONFLICT, "not_enrolled".into())
    );
    // Unknown activity or unit: named on their field.
    let unknown = book(&app, &parent, child, day, ("piscine", "repas")).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(unknown).await),
        [("activity".to_string(), "unknown_activity".to_string())]
    );
    let unknown = book(
        &app,
        &parent,
        child,
        day,
        ("restauration-scolaire", "gouter"),
    )
    .await;
    assert_eq!(
        field_codes(&problem(unknown).await),
        [("unit".to_string(), "unknown_unit".to_string())]
    );
    // A period of more than six weeks is refused; unknown fields too.
    let long = app
        .get_auth(
            &format!(
                "/api/agenda/{child}?from={today}&to={}",
                today + Days::new(60)
            ),
            &parent,
        )
        .await;
    assert_eq!(long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A date far from today is no agenda's (and never reaches the calendar's arithmetic).
    let ancient = app
        .get_auth(
            &format!("/api/agenda/{child}?from=0001-01-01&to=0001-01-02"),
            &parent,
        )
        .await;
    assert_eq!(ancient.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(ancient).await),
        [("from".to_string(), "invalid_date".to_string())]
    );
    let extra = app
        .post_auth(
            &format!("/api/agenda/{child}/bookings"),
            &parent,
            &json!({"day": day, "activity": "restauration-scolaire", "unit": "repas", "price": 0}),
        )
        .await;
    assert_eq!(extra.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing was booked by all this.
    let history = app
        .get_json(
            &format!(
                "/api/agenda/{child}/history?from={today}&to={}",
                today + Days::new(41)
            ),
            &parent,
        )
        .await;
    assert_eq!(history, json!([]));
}

#[tokio::test]
async fn another_households_child_is_out_of_reach() {
    let app = TestApp::spawn().await;
    let (parent, account, child) = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    app.enrol(account, child, &["restauration-scolaire"], true)
        .await;
    let (other, _, _) = family(&app, "martin@yopmail.com", "luc.martin").await;
    let day = app
        .days_in_state(&parent, child, TestApp::tomorrow(), CANTEEN, "bookable", 1)
        .await[0];
    let booked: Value = book(&app, &parent, child, day, CANTEEN)
        .await
        .json()
        .await
        .unwrap();
    let id = booked["id"].as_i64().unwrap();
    let to = day + Days::new(1);
    for path in [
        format!("/api/agenda/{child}?from={day}&to={to}"),
        format!("/api/agenda/{child}/history?from={day}&to={to}"),
    ] {
        assert_eq!(
            app.get_auth(&path, &other).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    assert_eq!(
        book(&app, &other, child, day, CANTEEN).await.status(),
        StatusCode::NOT_FOUND
    );
    let cancel = app
        .delete_auth(&format!("/api/agenda/{child}/bookings/{id}"), &other)
        .await;
    assert_eq!(cancel.status(), StatusCode::NOT_FOUND);
    // Anonymous: refused before anything else.
    assert_eq!(
        app.get(&format!("/api/agenda/{child}?from={day}&to={to}"))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    // The booking is still there.
    let agenda = app.agenda(&parent, child, day).await;
    assert_eq!(unit_of(&agenda, day, CANTEEN)["state"], "booked");
    // Its state and its history's actions are closed sets on both databases.
    crate::typed_states::refuses_unknown(&app, "bookings", "status").await;
    crate::typed_states::refuses_unknown(&app, "booking_events", "action").await;
}
