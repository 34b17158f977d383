use serde_json::Value;
use tests::TestApp;

#[tokio::test]
async fn health_answers_ok_with_the_database_reachable() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), 200);
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(
        request_id.len(),
        36,
        "a UUID names each request: {request_id}"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
    let expected = if std::env::var("GUICHET_TEST_DATABASE_URL").is_ok_and(|v| !v.is_empty()) {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(body["backend"], expected);
}

#[tokio::test]
async fn health_answers_503_when_no_database_connection_can_be_had() {
    let app = TestApp::spawn().await;
    // Exhaust the pool: every connection is held, so the check cannot get one.
    let pool = app.state.pool.clone();
    let held = tokio::task::spawn_blocking(move || {
        // Take every connection the pool may open, waiting for any that is busy.
        (0..pool.max_size())
            .map(|_| {
                pool.get_timeout(std::time::Duration::from_secs(30))
                    .expect("connection")
            })
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), 503);
    let problem = tests::app::problem(response).await;
    assert_eq!(problem["code"], "database_unavailable");
    drop(held);
    assert_eq!(app.get("/api/health").await.status(), 200);
}
