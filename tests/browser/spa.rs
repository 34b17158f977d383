//! How the server serves the built SPA (needs `frontend/dist`, like the browser tests).

use tests::TestApp;

#[tokio::test]
async fn deep_links_get_the_app_and_the_wasm_is_typed_and_compressed() {
    let app = TestApp::spawn().await;
    for deep_link in ["/mes-demandes", "/activation/un-jeton", "/agent/demandes"] {
        let response = app.get(deep_link).await;
        assert_eq!(response.status(), 200, "{deep_link}");
        assert!(response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert!(
            response.text().await.unwrap().contains("<html lang=\"fr\""),
            "{deep_link}"
        );
    }
    let wasm = app
        .client
        .get(app.url("/guichet_bg.wasm"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    let encoding = wasm.headers()["content-encoding"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(encoding == "br" || encoding == "gzip", "{encoding}");
    let robots = app.get("/robots.txt").await;
    assert_eq!(robots.status(), 200);
    assert!(robots.text().await.unwrap().contains("User-agent"));
}
