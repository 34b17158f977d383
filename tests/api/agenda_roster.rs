//! The agents' list of a unit's day from the accepted fiche enfant: the persons authorised
//! to pick the child up for every agent, the PAI and health flags only for agents with the
//! health permission (each household shown logged); a day without the unit says why.

use chrono::Days;
use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::documents::send_fiche;
use tests::{people, TestApp};

use crate::agent::act;
use crate::requests::token;

#[tokio::test]
async fn the_list_shows_the_pai_and_who_may_pick_the_child_up_from_the_accepted_fiche() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let citizen = token(&session);
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let mut answers = crate::fiche_hesdigneul::answers(&app, &citizen).await;
    answers["pai"] = json!(true);
    let sent = send_fiche(&app, &citizen, &answers).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let id = sent.json::<Value>().await.unwrap()["request"]["id"]
        .as_i64()
        .unwrap();
    assert_eq!(act(&app, &agent, id, "take", json!({})).await.status(), 200);
    let accepted = act(&app, &agent, id, "accept", json!({})).await;
    let accepted: Value = accepted.json().await.unwrap();
    let tim = accepted["request"]["person"]["id"].as_i64().unwrap();
    let morning = ("garderie", "matin-gratuite");
    let day = app
        .days_in_state(&citizen, tim, TestApp::tomorrow(), morning, "bookable", 1)
        .await[0];
    let booked = app
        .post_auth(
            &format!("/api/agenda/{tim}/bookings"),
            &citizen,
            &json!({"day": day, "activity": morning.0, "unit": morning.1}),
        )
        .await;
    assert_eq!(booked.status(), StatusCode::CREATED);

    // An agent without the health permission sees who is there and who may pick them
    // up, not the PAI (health information, RGPD art. 9).
    let path = format!("/api/agent/agenda/garderie/matin-gratuite?day={day}");
    let list = app.get_json(&path, &agent).await;
    assert_eq!(list["title"], "Garderie (Garderie matin gratuite)");
    assert_eq!(list["health_withheld"], true);
    let child = &list["children"][0];
    assert_eq!(child["name"], "DUPIN Tim");
    assert_eq!(
        (&child["pai"], &child["health_info"]),
        (&Value::Null, &Value::Null)
    );
    // With it, the flags; the household is in the health access log.
    let nurse = token(&app.create_health_staff("sante@mairie.fr", "Claire").await);
    let list = app.get_json(&path, &nurse).await;
    assert_eq!(list["health_withheld"], false);
    let child = &list["children"][0];
    assert_eq!(
        (&child["pai"], &child["health_info"]),
        (&json!(true), &json!(true))
    );
    let household = domain::ids::HouseholdId(accepted["household_id"].as_i64().unwrap());
    let pool = app.state.pool.clone();
    let logged = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        db::health::accesses(&mut conn, Some(household), 10).unwrap()
    })
    .await
    .unwrap();
    assert!(
        logged
            .iter()
            .any(|l| l.context == domain::staff::HealthAccessContext::Roster),
        "{logged:?}"
    );
    // Odile may pick Tim up; Luc, the neighbour, is only to be called.
    assert_eq!(
        child["pickup"],
        json!([{"name": "MARTIN Odile", "relation": "Grand-mère", "phone": "06 12 34 56 78"}])
    );
    assert_eq!(child["household_id"], accepted["household_id"]);
    // The other morning unit of the day has nobody; a Sunday has no garderie.
    let paying = app
        .get_json(
            &format!("/api/agent/agenda/garderie/matin-payante?day={day}"),
            &agent,
        )
        .await;
    assert_eq!(
        (&paying["booked"], &paying["children"]),
        (&json!(0), &json!([]))
    );
    let sunday = day
        .checked_add_days(Days::new(u64::from(
            7 - chrono::Datelike::weekday(&day).number_from_monday(),
        )))
        .unwrap();
    let units = app
        .get_json(&format!("/api/agent/agenda?day={sunday}"), &agent)
        .await;
    assert!(
        units
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["closure"] == "Pas un jour de l'activité"),
        "{units}"
    );
}
