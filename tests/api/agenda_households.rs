//! One child, two households (separated parents): each sees the other's booking as taken
//! and nothing more. A booking on a day closed since still shows, to be cancelled.

use chrono::{Datelike, Days, Weekday};
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::{people, TestApp};

use crate::agenda::{book, family, refused, unit_of};
use crate::requests::token;

#[tokio::test]
async fn separated_parents_each_see_the_other_households_booking_as_taken_and_nothing_more() {
    let app = TestApp::spawn().await;
    let mum = app
        .create_account("maman@yopmail.com", "maman.dupin", people::PASSWORD)
        .await;
    let dad = app
        .create_account("papa@yopmail.com", "papa.martin", people::PASSWORD)
        .await;
    let (mum_id, dad_id) = (
        mum["account"]["id"].as_i64().unwrap(),
        dad["account"]["id"].as_i64().unwrap(),
    );
    let (mum, dad) = (token(&mum), token(&dad));
    // One child in both households, enrolled by each.
    let child = app
        .add_child(&[mum_id, dad_id], "Éric", "Dupin", false)
        .await;
    let kids = ("mercredis-kids", "matin");
    app.enrol(mum_id, child, &[kids.0], false).await;
    app.enrol(dad_id, child, &[kids.0], false).await;
    let day = app
        .days_in_state(&mum, child, TestApp::tomorrow(), kids, "bookable", 1)
        .await[0];
    let booked = book(&app, &mum, child, day, kids).await;
    assert_eq!(booked.status(), StatusCode::CREATED);
    let booked: Value = booked.json().await.unwrap();

    // The father's agenda shows the day taken, by the other household, not cancellable.
    let agenda = app.agenda(&dad, child, day).await;
    let unit = unit_of(&agenda, day, kids);
    assert_eq!(unit["state"], "booked_elsewhere");
    assert_eq!(
        (&unit["booking_id"], &unit["cancellable"]),
        (&Value::Null, &json!(false))
    );
    assert_eq!(agenda["days"][0]["state"], "booked");
    // He cannot book it again nor cancel the mother's booking; her history is hers.
    assert_eq!(
        refused(book(&app, &dad, child, day, kids).await).await,
        (StatusCode::CONFLICT, "already_booked".into())
    );
    let cancel = app
        .delete_auth(
            &format!("/api/agenda/{child}/bookings/{}", booked["id"]),
            &dad,
        )
        .await;
    assert_eq!(cancel.status(), StatusCode::NOT_FOUND);
    let history = app
        .get_json(
            &format!("/api/agenda/{child}/history?from={day}&to={day}"),
            &dad,
        )
        .await;
    assert_eq!(history, json!([]));
    // The mother's agenda shows her own booking.
    let agenda = app.agenda(&mum, child, day).await;
    assert_eq!(unit_of(&agenda, day, kids)["state"], "booked");
    assert_eq!(unit_of(&agenda, day, kids)["booking_id"], booked["id"]);
}

#[tokio::test]
async fn a_booking_on_a_day_closed_since_still_shows_to_be_cancelled() {
    let app = TestApp::spawn().await;
    let (parent, account, child) = family(&app, "dupin@yopmail.com", "pascal.dupin").await;
    let kids = ("mercredis-kids", "matin");
    app.enrol(account, child, &[kids.0], false).await;
    // A Sunday, a day the Wednesday unit does not open (any more).
    let tomorrow = TestApp::tomorrow();
    let sunday = tomorrow + Days::new(u64::from(6 - tomorrow.weekday().num_days_from_monday()) + 7);
    assert_eq!(sunday.weekday(), Weekday::Sun);
    let id = app.booked_before(account, child, kids, sunday).await;
    let agenda = app.agenda(&parent, child, sunday).await;
    let unit = unit_of(&agenda, sunday, kids);
    assert_eq!(
        (&unit["state"], &unit["booking_id"]),
        (&json!("booked"), &json!(id))
    );
    assert_eq!(unit["cancellable"], true);
    let cancelled = app
        .delete_auth(&format!("/api/agenda/{child}/bookings/{id}"), &parent)
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);
}
