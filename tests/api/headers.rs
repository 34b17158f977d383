//! Security and caching headers on pages, API answers and errors.

use tests::TestApp;

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
}

#[tokio::test]
async fn pages_deep_links_and_api_errors_carry_the_content_security_policy() {
    let app = TestApp::spawn().await;
    for path in ["/", "/mes-demandes/12", "/api/does-not-exist"] {
        let response = app.get(path).await;
        let policy = header(&response, "content-security-policy")
            .unwrap_or_else(|| panic!("no policy on {path}"));
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    }
}

#[tokio::test]
async fn authenticated_and_login_answers_are_never_cached_while_the_catalogue_is() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("cache@exemple.fr", "cache.test", tests::people::PASSWORD)
        .await;
    let token = session["access_token"].as_str().unwrap();
    let login = app.login("cache.test", tests::people::PASSWORD).await;
    assert_eq!(login.status(), 200);
    assert_eq!(header(&login, "cache-control").as_deref(), Some("no-store"));
    for path in ["/api/me", "/api/me/profile", "/api/requests"] {
        let response = app.get_auth(path, token).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("no-store"),
            "{path}"
        );
    }
    let catalogue = app.get("/api/catalogue").await;
    assert_eq!(
        header(&catalogue, "cache-control").as_deref(),
        Some("public, max-age=300")
    );
}

#[tokio::test]
async fn hsts_is_sent_only_when_the_portal_is_public_over_https() {
    let plain = TestApp::spawn().await;
    assert_eq!(
        header(&plain.get("/api/health").await, "strict-transport-security"),
        None
    );
    let https =
        TestApp::spawn_with(|s| s.public_url = Some("https://portail.mairie.fr".into())).await;
    for path in ["/", "/api/health"] {
        let value = header(&https.get(path).await, "strict-transport-security")
            .unwrap_or_else(|| panic!("no HSTS on {path}"));
        assert!(value.starts_with("max-age="), "{value}");
    }
}
