//! The agents' Agenda: the day's units and a unit's list (waiting list), attendance, and
//! bookings made or cancelled for a family, past the deadlines only with a reason the
//! family's history shows. The list's PAI and pickup persons: `agenda_roster`.

use chrono::{Days, NaiveDate};
use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::{field_codes, problem};
use tests::{people, TestApp};

use crate::agenda::refused;
use crate::requests::token;

const KIDS: (&str, &str) = ("mercredis-kids", "matin");

struct Family {
    token: String,
    household: i64,
    child: i64,
}

async fn family(app: &TestApp, email: &str, login: &str, child: &str) -> Family {
    let session = app.create_account(email, login, people::PASSWORD).await;
    let account = session["account"]["id"].as_i64().unwrap();
    let child = app.add_child(&[account], child, "Famille", false).await;
    app.enrol(account, child, &[KIDS.0], false).await;
    Family {
        token: token(&session),
        household: app.household_of(account).await,
        child,
    }
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The latest day of the past week the unit opened (not a public holiday).
async fn past_open_day(app: &TestApp, agent: &str) -> NaiveDate {
    for back in 1..=7 {
        let day = today().checked_sub_days(Days::new(back)).unwrap();
        let units = app
            .get_json(&format!("/api/agent/agenda?day={day}"), agent)
            .await;
        let kids = units
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["activity"] == KIDS.0)
            .unwrap()
            .clone();
        if kids["closure"].is_null() {
            return day;
        }
    }
    panic!("no open day in the past week");
}

async fn agent_book(
    app: &TestApp,
    agent: &str,
    f: &Family,
    day: NaiveDate,
    reason: Option<&str>,
) -> reqwest::Response {
    let mut body = json!({"day": day, "activity": KIDS.0, "unit": KIDS.1});
    if let Some(reason) = reason {
        body["reason"] = json!(reason);
    }
    app.post_auth(
        &format!(
            "/api/agent/households/{}/persons/{}/bookings",
            f.household, f.child
        ),
        agent,
        &body,
    )
    .await
}

async fn attend(app: &TestApp, agent: &str, booking: &Value, body: Value) -> reqwest::Response {
    app.put_auth(
        &format!("/api/agent/bookings/{booking}/attendance"),
        agent,
        &body,
    )
    .await
}

async fn agent_cancel(
    app: &TestApp,
    agent: &str,
    booking: &Value,
    body: Value,
) -> reqwest::Response {
    app.post_auth(
        &format!("/api/agent/bookings/{booking}/cancel"),
        agent,
        &body,
    )
    .await
}

async fn roster(app: &TestApp, agent: &str, day: NaiveDate) -> Value {
    app.get_json(
        &format!("/api/agent/agenda/{}/{}?day={day}", KIDS.0, KIDS.1),
        agent,
    )
    .await
}

#[tokio::test]
async fn an_agent_books_a_past_day_only_with_a_reason_and_records_the_attendance() {
    let app = TestApp::spawn_every_day(1).await;
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let anne = family(&app, "anne@yopmail.com", "anne.famille", "Léa").await;
    let bruno = family(&app, "bruno@yopmail.com", "bruno.famille", "Tom").await;
    let day = past_open_day(&app, &agent).await;

    // Citizens never reach the agents' lists.
    let listed = app
        .get_auth(&format!("/api/agent/agenda?day={day}"), &anne.token)
        .await;
    assert_eq!(listed.status(), StatusCode::FORBIDDEN);

    // A past day: the family cannot, the agent only with a reason.
    let by_family = app
        .post_auth(
            &format!("/api/agenda/{}/bookings", anne.child),
            &anne.token,
            &json!({"day": day, "activity": KIDS.0, "unit": KIDS.1}),
        )
        .await;
    assert_eq!(
        refused(by_family).await,
        (StatusCode::CONFLICT, "day_past".into())
    );
    let no_reason = agent_book(&app, &agent, &anne, day, None).await;
    assert_eq!(
        refused(no_reason).await,
        (StatusCode::CONFLICT, "day_past".into())
    );
    let blank = agent_book(&app, &agent, &anne, day, Some("  ")).await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(blank).await),
        [("reason".into(), "required".into())]
    );
    // A person of another household is not found there.
    let elsewhere = Family {
        token: String::new(),
        household: anne.household,
        child: bruno.child,
    };
    let wrong = agent_book(&app, &agent, &elsewhere, day, Some("Erreur")).await;
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);

    let reason = "La maman a appelé : Léa est venue sans réservation.";
    let lea = agent_book(&app, &agent, &anne, day, Some(reason)).await;
    assert_eq!(lea.status(), StatusCode::CREATED);
    let lea: Value = lea.json().await.unwrap();
    assert_eq!(lea["status"], "booked");
    // The one place is taken, but Tom was there that day: booked, not waiting.
    let tom = agent_book(&app, &agent, &bruno, day, Some("Appel du papa.")).await;
    let tom: Value = tom.json().await.unwrap();
    assert_eq!(
        (&tom["status"], &tom["position"]),
        (&json!("booked"), &Value::Null)
    );

    // The family's history names the agent and the reason.
    let history = app
        .get_json(
            &format!("/api/agenda/{}/history?from={day}&to={day}", anne.child),
            &anne.token,
        )
        .await;
    assert_eq!(history[0]["action"], "add");
    assert_eq!(history[0]["author"], "AGENT Anne");
    assert_eq!(history[0]["by_agent"], true);
    assert_eq!(history[0]["reason"], reason);

    // The list: Léa and Tom, by name; the health flags withheld from this agent.
    let list = roster(&app, &agent, day).await;
    assert_eq!(
        (&list["capacity"], &list["booked"], &list["waiting_count"]),
        (&json!(1), &json!(2), &json!(0))
    );
    assert_eq!(list["children"][0]["name"], "FAMILLE Léa");
    assert_eq!(list["children"][1]["name"], "FAMILLE Tom");
    assert_eq!(list["children"][0]["attendance"], Value::Null);
    assert_eq!(list["health_withheld"], true);
    assert_eq!(list["children"][0]["pai"], Value::Null);

    // Attendance: an unjustified absence with its reason.
    let unexplained = attend(
        &app,
        &agent,
        &lea["id"],
        json!({"attendance": "absent_unjustified"}),
    )
    .await;
    assert_eq!(unexplained.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_codes(&problem(unexplained).await),
        [("reason".into(), "required".into())]
    );
    let unknown = attend(
        &app,
        &agent,
        &lea["id"],
        json!({"attendance": "present", "late": true}),
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let absent = attend(
        &app,
        &agent,
        &lea["id"],
        json!({"attendance": "absent_unjustified", "reason": "Pas prévenu"}),
    )
    .await;
    assert_eq!(absent.status(), StatusCode::OK);
    let absent: Value = absent.json().await.unwrap();
    assert_eq!(
        (
            &absent["attendance"],
            &absent["reason"],
            &absent["recorded_by"]
        ),
        (
            &json!("absent_unjustified"),
            &json!("Pas prévenu"),
            &json!("AGENT Anne")
        )
    );
    // Corrected: she came, late (a presence keeps no reason).
    let late = attend(
        &app,
        &agent,
        &lea["id"],
        json!({"attendance": "late", "reason": "Pas prévenu"}),
    )
    .await;
    assert_eq!(late.status(), StatusCode::OK);
    let list = roster(&app, &agent, day).await;
    assert_eq!(list["children"][0]["attendance"]["attendance"], "late");
    assert_eq!(list["children"][0]["attendance"]["reason"], Value::Null);
    let units = app
        .get_json(&format!("/api/agent/agenda?day={day}"), &agent)
        .await;
    let kids = units
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["activity"] == KIDS.0)
        .unwrap();
    assert_eq!(
        (&kids["booked"], &kids["waiting_count"], &kids["recorded"]),
        (&json!(2), &json!(0), &json!(1))
    );

    // A booking whose attendance is recorded is not cancelled, even with a reason.
    let cancel = agent_cancel(&app, &agent, &lea["id"], json!({"reason": "Erreur"})).await;
    assert_eq!(
        refused(cancel).await,
        (StatusCode::CONFLICT, "attendance_recorded".into())
    );
    // Tom's day is cancelled after the fact: only with a reason.
    let no_reason = agent_cancel(&app, &agent, &tom["id"], json!({})).await;
    assert_eq!(
        refused(no_reason).await,
        (StatusCode::CONFLICT, "day_past".into())
    );
    let left = agent_cancel(
        &app,
        &agent,
        &tom["id"],
        json!({"reason": "Erreur de saisie."}),
    )
    .await;
    assert_eq!(left.status(), StatusCode::OK);
    assert_eq!(left.json::<Value>().await.unwrap()["status"], "cancelled");
    let list = roster(&app, &agent, day).await;
    assert_eq!(
        (&list["booked"], &list["children"][0]["name"]),
        (&json!(1), &json!("FAMILLE Léa"))
    );

    crate::typed_states::refuses_unknown(&app, "attendances", "attendance").await;
}

#[tokio::test]
async fn attendance_waits_for_the_day_and_an_agent_cancels_within_the_rules_for_the_family() {
    let app = TestApp::spawn_every_day(1).await;
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let anne = family(&app, "anne@yopmail.com", "anne.famille", "Léa").await;
    let day = app
        .days_in_state(
            &anne.token,
            anne.child,
            TestApp::tomorrow(),
            KIDS,
            "bookable",
            1,
        )
        .await[0];
    let booked = app
        .post_auth(
            &format!("/api/agenda/{}/bookings", anne.child),
            &anne.token,
            &json!({"day": day, "activity": KIDS.0, "unit": KIDS.1}),
        )
        .await;
    let booked: Value = booked.json().await.unwrap();
    // The one place is taken: Tom waits, first in line.
    let bruno = family(&app, "bruno@yopmail.com", "bruno.famille", "Tom").await;
    let tom = app
        .post_auth(
            &format!("/api/agenda/{}/bookings", bruno.child),
            &bruno.token,
            &json!({"day": day, "activity": KIDS.0, "unit": KIDS.1}),
        )
        .await;
    let tom: Value = tom.json().await.unwrap();
    let list = roster(&app, &agent, day).await;
    assert_eq!(
        (&list["waiting"][0]["name"], &list["waiting"][0]["position"]),
        (&json!("FAMILLE Tom"), &json!(1))
    );
    let waiting = attend(&app, &agent, &tom["id"], json!({"attendance": "present"})).await;
    assert_eq!(
        refused(waiting).await,
        (StatusCode::CONFLICT, "not_booked".into())
    );
    let early = attend(
        &app,
        &agent,
        &booked["id"],
        json!({"attendance": "present"}),
    )
    .await;
    assert_eq!(
        refused(early).await,
        (StatusCode::CONFLICT, "attendance_too_early".into())
    );
    // Within the deadline an agent needs no reason; the history still names the agent.
    let cancelled = agent_cancel(&app, &agent, &booked["id"], json!({})).await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    // Léa's place went to Tom.
    let list = roster(&app, &agent, day).await;
    assert_eq!(
        (&list["children"][0]["name"], &list["waiting"]),
        (&json!("FAMILLE Tom"), &json!([]))
    );
    let history = app
        .get_json(
            &format!("/api/agenda/{}/history?from={day}&to={day}", anne.child),
            &anne.token,
        )
        .await;
    assert_eq!(
        (
            &history[0]["action"],
            &history[0]["by_agent"],
            &history[0]["reason"]
        ),
        (&json!("cancel"), &json!(true), &Value::Null)
    );
    assert_eq!(
        (&history[1]["action"], &history[1]["by_agent"]),
        (&json!("add"), &json!(false))
    );
    // A cancelled booking is gone for the agent too.
    let again = agent_cancel(&app, &agent, &booked["id"], json!({})).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    let unknown = app
        .get_auth(
            &format!("/api/agent/agenda/piscine/matin?day={day}"),
            &agent,
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let far = app
        .get_auth("/api/agent/agenda?day=1900-01-01", &agent)
        .await;
    assert_eq!(
        field_codes(&problem(far).await),
        [("day".into(), "invalid_date".into())]
    );
}
