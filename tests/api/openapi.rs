//! The committed spec is what the code produces, and it documents errors and auth.

use serde_json::Value;
use tests::TestApp;

#[test]
fn the_committed_spec_matches_the_code() {
    let committed =
        std::fs::read_to_string(tests::app::workspace_root().join("openapi/openapi.json"))
            .expect("openapi/openapi.json is committed");
    let generated = api::openapi::spec_json();
    assert!(
        committed == generated,
        "openapi/openapi.json is out of date: run `cargo xtask openapi` and commit the result"
    );
}

#[tokio::test]
async fn the_served_spec_documents_every_route_with_errors_and_security() {
    let app = TestApp::spawn().await;
    let spec: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    assert_eq!(spec["info"]["license"]["identifier"], "AGPL-3.0-or-later");
    let paths = spec["paths"].as_object().unwrap();
    for path in [
        "/api/health",
        "/api/catalogue",
        "/api/registrations",
        "/api/activations/{token}",
        "/api/auth/login",
        "/api/auth/logout",
        "/api/me",
        "/api/password-resets/{token}",
    ] {
        assert!(paths.contains_key(path), "{path} missing from the spec");
    }
    assert_eq!(
        spec["paths"]["/api/me"]["get"]["security"][0]["bearer"],
        serde_json::json!([])
    );
    let problem = &spec["paths"]["/api/auth/login"]["post"]["responses"]["401"]["content"]
        ["application/problem+json"];
    assert!(problem.is_object(), "login documents its 401 problem");
    assert!(spec["components"]["schemas"]["Problem"].is_object());
    assert_eq!(app.get("/api/docs/").await.status(), 200);
}

#[test]
fn every_operation_documents_its_errors_and_auth() {
    let spec: Value = serde_json::from_str(&api::openapi::spec_json()).unwrap();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let name = format!("{method} {path}");
            if operation.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(
                        responses.contains_key(status),
                        "{name} does not document {status}"
                    );
                }
            }
            if operation.get("security").is_some() {
                assert!(
                    responses.contains_key("401"),
                    "{name} does not document 401"
                );
            }
            for (status, response) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{name} {status} is not application/problem+json"
                    );
                }
            }
            assert!(
                operation["tags"].as_array().is_some_and(|t| !t.is_empty()),
                "{name} has no tag"
            );
        }
    }
}

#[test]
fn the_committed_spec_is_a_valid_openapi_3_1_document() {
    let python = tests::app::tools_python();
    let spec = tests::app::workspace_root().join("openapi/openapi.json");
    let output = std::process::Command::new(&python)
        .args(["-m", "openapi_spec_validator"])
        .arg(&spec)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {}: {e} (`cargo xtask test` installs the validator)",
                python.display()
            )
        });
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn operation_ids_are_unique_and_servers_are_named() {
    let spec: Value = serde_json::from_str(&api::openapi::spec_json()).unwrap();
    let mut seen = std::collections::BTreeMap::new();
    for (path, operations) in spec["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let id = operation["operationId"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            assert!(
                id.len() > 3,
                "{method} {path} has no descriptive operationId"
            );
            if let Some(other) = seen.insert(id.clone(), format!("{method} {path}")) {
                panic!("operationId `{id}` of {method} {path} is also {other}'s");
            }
        }
    }
    assert!(spec["servers"][0]["url"]
        .as_str()
        .is_some_and(|u| u.starts_with("http")));
}

#[test]
fn limited_and_throttled_answers_document_retry_after() {
    let spec: Value = serde_json::from_str(&api::openapi::spec_json()).unwrap();
    for (path, method) in [
        ("/api/auth/login", "post"),
        ("/api/registrations", "post"),
        ("/api/captchas/pow", "post"),
        ("/api/me/password", "post"),
        ("/api/me/email", "post"),
    ] {
        let response = &spec["paths"][path][method]["responses"]["429"];
        assert!(
            response["headers"]["Retry-After"].is_object(),
            "{method} {path}: {response}"
        );
    }
    assert!(spec["paths"]["/api/auth/login"]["post"]["responses"]["503"].is_object());
}
