//! The agents' queue of documents and its filters: status, type, upload date, and where
//! the family lives (the postal code of the account holder's address).

use domain::auth::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tests::app::problem;
use tests::documents::{family_with_a_request, pdf, upload};
use tests::TestApp;

use crate::requests::token;

/// A family living at `postal_code`, whose DT Polio waits for an agent: its id.
async fn family_living_at(app: &TestApp, login: &str, postal_code: &str, city: &str) -> i64 {
    let (session, child, _) =
        family_with_a_request(app, &format!("{login}@yopmail.com"), login).await;
    let t = token(&session);
    let added = app
        .post_auth(
            "/api/me/addresses",
            &t,
            &json!({
                "name": "Domicile", "country": "France", "city": city, "postal_code": postal_code,
                "street_number": "3", "street_number_complement": "", "street": "Rue Jean Jaurès",
                "street_complement": "",
            }),
        )
        .await;
    assert_eq!(added.status(), StatusCode::CREATED);
    let uploaded = upload(
        app,
        &t,
        &format!("document_type=dt-polio&person_id={child}"),
        "carnet.pdf",
        pdf(1000),
    )
    .await;
    assert_eq!(uploaded.status(), StatusCode::CREATED);
    let document: Value = uploaded.json().await.unwrap();
    document["id"].as_i64().unwrap()
}

fn ids(page: &Value) -> Vec<i64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn the_queue_filters_by_where_the_family_lives_type_and_date() {
    let app = TestApp::spawn().await;
    let here = family_living_at(&app, "mounier", "59920", "Quiévrechain").await;
    let outside = family_living_at(&app, "dupont", "59990", "Saint-Saulve").await;
    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", Role::Agent)
            .await,
    );
    let queue = |query: &str| {
        let (app, agent, path) = (&app, &agent, format!("/api/agent/documents?{query}"));
        async move { app.get_json(&path, agent).await }
    };

    assert_eq!(ids(&queue("").await), [here, outside]);
    assert_eq!(ids(&queue("postal_code=59920").await), [here]);
    assert_eq!(ids(&queue("postal_code=59990").await), [outside]);
    assert_eq!(queue("postal_code=62360").await["total"], 0);
    // With the other filters.
    assert_eq!(
        ids(&queue("postal_code=59920&document_type=dt-polio").await),
        [here]
    );
    assert_eq!(queue("document_type=livret-famille").await["total"], 0);
    assert_eq!(queue("postal_code=59920&from=2099-01-01").await["total"], 0);
    assert_eq!(queue("status=valid&postal_code=59920").await["total"], 0);
    // Between two days (whatever the time zone, today is in), or up to two days ago.
    let today = chrono::Local::now().date_naive();
    let (before, after) = (
        today - chrono::TimeDelta::days(1),
        today + chrono::TimeDelta::days(1),
    );
    let two_days_ago = today - chrono::TimeDelta::days(2);
    assert_eq!(
        ids(&queue(&format!("from={before}&to={after}")).await),
        [here, outside]
    );
    assert_eq!(queue(&format!("to={two_days_ago}")).await["total"], 0);

    for bad in [
        "postal_code=5992",
        "postal_code=59920%27%20OR%201%3D1",
        "postal_code=ABCDE",
    ] {
        let response = app
            .get_auth(&format!("/api/agent/documents?{bad}"), &agent)
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(problem(response).await["code"], "invalid_query", "{bad}");
    }
}
