//! The household's calendar feed: a secret address serving its bookings as iCalendar,
//! renewed (the old one stops) or revoked; another household's bookings never in it.

use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::{people, TestApp};

use crate::requests::token;

/// The feed's text, lines unfolded (iCalendar folds long lines).
async fn feed(app: &TestApp, url: &str) -> (StatusCode, String, String) {
    let path = url
        .split_once("/api/")
        .map(|(_, p)| format!("/api/{p}"))
        .unwrap();
    let response = app.get(&path).await;
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let text = response.text().await.unwrap().replace("\r\n ", "");
    (status, kind, text)
}

#[tokio::test]
async fn a_household_subscribes_to_its_bookings_and_can_revoke_the_address() {
    let app = TestApp::spawn().await;
    let (parent, _, child) = app.canteen_family().await;
    let canteen = ("restauration-scolaire", "repas");
    let day = app
        .days_in_state(&parent, child, TestApp::tomorrow(), canteen, "bookable", 1)
        .await[0];
    let booked = app
        .post_auth(
            &format!("/api/agenda/{child}/bookings"),
            &parent,
            &json!({"day": day, "activity": "restauration-scolaire", "unit": "repas"}),
        )
        .await;
    assert_eq!(booked.status(), StatusCode::CREATED);

    assert_eq!(
        app.get_json("/api/me/calendar-feed", &parent).await["created_at"],
        Value::Null
    );
    let made = app
        .post_auth("/api/me/calendar-feed", &parent, &json!({}))
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let url = made.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(url.ends_with(".ics"), "{url}");
    let (status, kind, text) = feed(&app, &url).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/calendar"), "{kind}");
    assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
    assert!(
        text.contains("SUMMARY:Restauration scolaire (Repas de midi) – DUPIN Éric"),
        "{text}"
    );
    assert!(
        text.contains(&format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d"))),
        "{text}"
    );
    assert!(text.contains("STATUS:CONFIRMED"), "{text}");
    assert!(app.get_json("/api/me/calendar-feed", &parent).await["created_at"].is_string());

    // Another household's feed holds none of it.
    let other = token(
        &app.create_account("martin@yopmail.com", "luc.martin", people::PASSWORD)
            .await,
    );
    let theirs: Value = app
        .post_auth("/api/me/calendar-feed", &other, &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let (_, _, text) = feed(&app, theirs["url"].as_str().unwrap()).await;
    assert!(!text.contains("VEVENT"), "{text}");

    // A new address: the old one stops working. Revoked: none works.
    let renewed: Value = app
        .post_auth("/api/me/calendar-feed", &parent, &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let new_url = renewed["url"].as_str().unwrap();
    assert_ne!(new_url, url);
    assert_eq!(feed(&app, &url).await.0, StatusCode::NOT_FOUND);
    assert_eq!(feed(&app, new_url).await.0, StatusCode::OK);
    let revoked = app.delete_auth("/api/me/calendar-feed", &parent).await;
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    assert_eq!(feed(&app, new_url).await.0, StatusCode::NOT_FOUND);
    let guessed = app.get("/api/calendar-feeds/not-a-secret.ics").await;
    assert_eq!(guessed.status(), StatusCode::NOT_FOUND);
}
