//! The spec tells the truth about the Agenda: its answers, successes and refusals, match
//! the schemas the spec gives them.

use reqwest::Method;
use serde_json::json;
use tests::TestApp;

use crate::contract::{call, spec};

#[tokio::test]
async fn agenda_answers_match_the_spec() {
    let app = TestApp::spawn().await;
    let s = &spec();
    let (parent, _, child) = app.canteen_family().await;
    let t = Some(parent.as_str());
    let canteen = ("restauration-scolaire", "repas");
    let day = app
        .days_in_state(&parent, child, TestApp::tomorrow(), canteen, "bookable", 1)
        .await[0];
    let to = day + chrono::Days::new(41);
    let agenda = format!("/api/agenda/{child}?from={day}&to={to}");
    call(
        &app,
        s,
        Method::GET,
        "/api/agenda/{person_id}",
        &agenda,
        t,
        None,
    )
    .await;
    let bookings = format!("/api/agenda/{child}/bookings");
    let template = "/api/agenda/{person_id}/bookings";
    let body = json!({"day": day, "activity": "restauration-scolaire", "unit": "repas"});
    let (code, booked) = call(
        &app,
        s,
        Method::POST,
        template,
        &bookings,
        t,
        Some(body.clone()),
    )
    .await;
    assert_eq!(code, 201);
    let (code, _) = call(&app, s, Method::POST, template, &bookings, t, Some(body)).await;
    assert_eq!(code, 409);
    let unknown = json!({"day": day, "activity": "piscine", "unit": "repas"});
    let (code, _) = call(&app, s, Method::POST, template, &bookings, t, Some(unknown)).await;
    assert_eq!(code, 422);
    let id = booked["id"].as_i64().unwrap();
    let one = format!("/api/agenda/{child}/bookings/{id}");
    let template = "/api/agenda/{person_id}/bookings/{booking_id}";
    let (code, _) = call(&app, s, Method::DELETE, template, &one, t, None).await;
    assert_eq!(code, 200);
    let (code, _) = call(&app, s, Method::DELETE, template, &one, t, None).await;
    assert_eq!(code, 404);
    let history = format!("/api/agenda/{child}/history?from={day}&to={to}");
    let (_, lines) = call(
        &app,
        s,
        Method::GET,
        "/api/agenda/{person_id}/history",
        &history,
        t,
        None,
    )
    .await;
    assert_eq!(lines.as_array().map(Vec::len), Some(2));
    let long = format!(
        "/api/agenda/{child}?from={day}&to={}",
        day + chrono::Days::new(90)
    );
    let (code, _) = call(
        &app,
        s,
        Method::GET,
        "/api/agenda/{person_id}",
        &long,
        t,
        None,
    )
    .await;
    assert_eq!(code, 422);
}
