//! Per-client rate limits on every anonymous endpoint, and the clean-up job that keeps
//! what anonymous callers leave behind from growing.

use std::time::Duration;

use chrono::TimeDelta;
use diesel::prelude::*;
use serde_json::{json, Value};
use tests::app::problem;
use tests::TestApp;

/// Anonymous operations of the spec that are public reference reads, not limited.
const PUBLIC_READS: [&str; 4] = [
    "/api/commune",
    "/api/catalogue",
    "/api/procedures/{slug}",
    "/api/health",
];

async fn call(app: &TestApp, method: &str, path: &str, client: &str) -> reqwest::Response {
    let url = app.url(&path.replace("{token}", "abc").replace("{slug}", "x"));
    let request = match method {
        "get" => app.client.get(url),
        _ => app.client.post(url).json(&json!({})),
    };
    request.header("X-Real-IP", client).send().await.unwrap()
}

#[tokio::test]
async fn every_anonymous_endpoint_is_limited_per_client() {
    let app = TestApp::spawn_with(|s| {
        s.client_ip_header = Some("X-Real-IP".into());
        s.anonymous_rate_per_minute = 3;
    })
    .await;
    let spec: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let mut checked = 0;
    for (path, operations) in spec["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let anonymous = operation
                .get("security")
                .is_none_or(|s| s.as_array().is_some_and(|a| a.is_empty()));
            if !anonymous || PUBLIC_READS.contains(&path.as_str()) {
                continue;
            }
            // Each operation from its own client: the allowance is per client.
            let client = format!("203.0.113.{}", checked + 1);
            for _ in 0..3 {
                let response = call(&app, method, path, &client).await;
                assert_ne!(response.status(), 429, "{method} {path} limited too early");
            }
            let limited = call(&app, method, path, &client).await;
            assert_eq!(limited.status(), 429, "{method} {path} is not limited");
            let wait: u64 = limited.headers()["retry-after"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((1..=20).contains(&wait), "{method} {path}: {wait}");
            assert_eq!(problem(limited).await["code"], "too_many_attempts");
            let other = call(&app, method, path, &format!("198.51.100.{}", checked + 1)).await;
            assert_ne!(other.status(), 429, "another client of {method} {path}");
            // The same path percent-encoded reaches the same handler: it counts the same.
            let first = path.as_bytes()["/api/".len()];
            let encoded = format!("/api/%{first:02X}{}", &path["/api/".len() + 1..]);
            let client = format!("192.0.2.{}", checked + 1);
            for _ in 0..3 {
                call(&app, method, &encoded, &client).await;
            }
            let limited = call(&app, method, &encoded, &client).await;
            assert_eq!(limited.status(), 429, "{method} {encoded} is not limited");
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} anonymous operations found");
    for path in PUBLIC_READS.map(|p| p.replace("{slug}", "contacter-la-mairie")) {
        for _ in 0..5 {
            assert_ne!(app.get(&path).await.status(), 429, "{path}");
        }
    }
}

#[tokio::test]
async fn mail_sending_endpoints_have_a_tighter_hourly_limit() {
    let app = TestApp::spawn_with(|s| s.anonymous_mail_per_hour = 2).await;
    let body = json!({"identifier": "personne"});
    for _ in 0..2 {
        let response = app.post("/api/auth/forgotten-password", &body).await;
        assert_eq!(response.status(), 202);
    }
    let limited = app
        .post(
            "/api/auth/forgotten-login",
            &json!({"email": "a@exemple.fr"}),
        )
        .await;
    assert_eq!(limited.status(), 429);
    let wait: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 60, "an hourly allowance: {wait}");
    // Logging in sends no mail: it is not held back by the mail allowance.
    let login = app
        .post(
            "/api/auth/login",
            &json!({"login": "personne", "password": "Mauvais123"}),
        )
        .await;
    assert_eq!(login.status(), 401);
}

#[tokio::test]
async fn the_clean_up_job_forgets_stale_captchas_counters_and_registrations() {
    let app = TestApp::spawn_with(|s| s.housekeeping_seconds = 1).await;
    let pool = app.state.pool.clone();
    let count = move || {
        let mut conn = pool.get().unwrap();
        use db::schema::{accounts, captcha_challenges, login_throttles};
        let captchas: i64 = captcha_challenges::table
            .count()
            .get_result(&mut *conn)
            .unwrap();
        let throttles: i64 = login_throttles::table
            .count()
            .get_result(&mut *conn)
            .unwrap();
        let pending: i64 = accounts::table.count().get_result(&mut *conn).unwrap();
        (captchas, throttles, pending)
    };
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        let long_ago = db::now() - TimeDelta::days(10);
        db::captcha::insert(
            &mut conn,
            &db::captcha::NewChallenge {
                public_id: "old",
                kind: domain::captcha::CaptchaKind::Pow,
                answer: "1",
                salt: None,
                expires_at: long_ago,
                created_at: long_ago,
            },
        )
        .unwrap();
        let policy = api::areas::auth::throttle::PER_CLIENT;
        db::throttle::attempt(&mut conn, "login:?nobody@203.0.113.9", policy, long_ago).unwrap();
    })
    .await
    .unwrap();
    // A registration never activated, ten days old.
    app.register("oublie@exemple.fr", "Paul", "Oubli").await;
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        use db::schema::accounts;
        diesel::update(accounts::table)
            .set(accounts::created_at.eq(db::now() - TimeDelta::days(10)))
            .execute(&mut *conn)
            .unwrap();
    })
    .await
    .unwrap();
    let mut left = (1, 1, 1);
    for _ in 0..50 {
        let count = count.clone();
        left = tokio::task::spawn_blocking(count).await.unwrap();
        // The registration's own fresh captcha stays until it expires.
        if left.1 == 0 && left.2 == 0 && left.0 <= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(left.1, 0, "stale throttle counters are forgotten");
    assert_eq!(left.2, 0, "stale registrations are forgotten");
    assert!(left.0 <= 1, "expired captchas are forgotten: {left:?}");
}
