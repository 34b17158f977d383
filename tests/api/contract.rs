//! The spec tells the truth: what the server answers matches the schema the spec gives for
//! that operation and status (required properties really sent, codes among the listed
//! ones), and every example in the spec is valid against its own schema.

use reqwest::Method;
use serde_json::{json, Value};
use tests::{people, TestApp};

use crate::requests::{room_rental, token};

pub fn spec() -> Value {
    serde_json::from_str(&api::openapi::spec_json()).unwrap()
}

/// A validator for `schema`, resolving `#/components/...` against the whole document.
fn validator(spec: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = schema.clone();
    root["components"] = spec["components"].clone();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&root)
        .expect("a valid schema")
}

fn errors(spec: &Value, schema: &Value, instance: &Value) -> Vec<String> {
    validator(spec, schema)
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Sends a call and checks its answer against the spec's schema for `template`.
pub async fn call(
    app: &TestApp,
    spec: &Value,
    method: Method,
    template: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = app.client.request(method.clone(), app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = &body {
        request = request.json(body);
    }
    answer(spec, method, template, path, request.send().await.unwrap()).await
}

/// Checks an answer against the spec's schema for `template` and its status.
pub async fn answer(
    spec: &Value,
    method: Method,
    template: &str,
    path: &str,
    response: reqwest::Response,
) -> (u16, Value) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let text = response.text().await.unwrap();
    let operation = &spec["paths"][template][method.as_str().to_lowercase()];
    assert!(
        operation.is_object(),
        "{method} {template} is not in the spec"
    );
    let documented = &operation["responses"][status.to_string()];
    assert!(
        documented.is_object(),
        "{method} {path} answered {status}, which the spec does not list: {text}"
    );
    let media = content_type.split(';').next().unwrap_or_default().trim();
    let schema = &documented["content"][media]["schema"];
    if !media.ends_with("json") {
        assert!(
            schema.is_object(),
            "{method} {path} {status}: {media} not documented"
        );
        return (status, Value::Null);
    }
    if text.is_empty() {
        assert!(
            documented.get("content").is_none(),
            "{method} {path} {status}: empty body"
        );
        return (status, Value::Null);
    }
    assert!(
        schema.is_object(),
        "{method} {path} {status}: {media} not documented"
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    let wrong = errors(spec, schema, &value);
    assert!(
        wrong.is_empty(),
        "{method} {path} {status} does not match the spec: {wrong:?}\n{value}"
    );
    (status, value)
}

#[test]
fn every_example_in_the_spec_is_valid_against_its_schema() {
    let spec = spec();
    let mut checked = 0;
    for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
        if let Some(example) = schema.get("example") {
            let wrong = errors(&spec, schema, example);
            assert!(wrong.is_empty(), "the example of {name}: {wrong:?}");
            checked += 1;
        }
    }
    let without: Vec<&String> = spec["components"]["schemas"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, s)| s["type"] == "object" && s.get("example").is_none())
        .map(|(name, _)| name)
        .collect();
    assert!(
        without.is_empty(),
        "objects without an example: {without:?}"
    );
    assert!(checked >= 50, "only {checked} schemas have an example");
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if let Some(body) = operation.get("requestBody") {
                let content = body["content"].as_object().unwrap();
                let (_, media) = content.iter().next().unwrap();
                let schema = &media["schema"];
                let name = schema["$ref"].as_str().unwrap_or_default();
                let name = name.trim_start_matches("#/components/schemas/");
                assert!(
                    spec["components"]["schemas"][name].get("example").is_some(),
                    "{method} {path}: the body {name} has no example"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_example_request_is_accepted_by_the_demo_commune() {
    let app = TestApp::spawn().await;
    let t = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let mut example = spec()["components"]["schemas"]["RequestInput"]["example"].clone();
    example["answers"]["event_date"] = room_rental(1)["answers"]["event_date"].clone();
    let created = app.post_auth("/api/requests", &t, &example).await;
    assert_eq!(created.status(), 201, "{}", created.text().await.unwrap());
}

#[tokio::test]
async fn answers_match_the_spec_along_a_whole_journey() {
    let app = TestApp::spawn().await;
    let spec = spec();
    let s = &spec;
    let get = Method::GET;
    let post = Method::POST;

    for (template, path) in [
        ("/api/health", "/api/health"),
        ("/api/commune", "/api/commune"),
        ("/api/catalogue", "/api/catalogue"),
        (
            "/api/procedures/{slug}",
            "/api/procedures/location-salle-des-fetes",
        ),
        ("/api/procedures/{slug}", "/api/procedures/piscine"),
    ] {
        call(&app, s, get.clone(), template, path, None, None).await;
    }
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = token(&session);
    let t = Some(t.as_str());
    let login = json!({"login": "pascal.dupin", "password": "faux"});
    let (status, _) = call(
        &app,
        s,
        post.clone(),
        "/api/auth/login",
        "/api/auth/login",
        None,
        Some(login),
    )
    .await;
    assert_eq!(status, 401);
    call(&app, s, get.clone(), "/api/me", "/api/me", t, None).await;
    call(
        &app,
        s,
        get.clone(),
        "/api/me/profile",
        "/api/me/profile",
        t,
        None,
    )
    .await;
    let bad = json!({"procedure": "location-salle-des-fetes", "answers": {"guests": 500}});
    let (status, _) = call(
        &app,
        s,
        post.clone(),
        "/api/requests",
        "/api/requests",
        t,
        Some(bad),
    )
    .await;
    assert_eq!(status, 422);
    let (status, draft) = call(
        &app,
        s,
        post.clone(),
        "/api/requests",
        "/api/requests",
        t,
        Some(room_rental(80)),
    )
    .await;
    assert_eq!(status, 201);
    let id = draft["request"]["id"].as_i64().unwrap();
    let one = format!("/api/requests/{id}");
    call(&app, s, get.clone(), "/api/requests/{id}", &one, t, None).await;
    let submit = format!("/api/requests/{id}/submit");
    call(
        &app,
        s,
        post.clone(),
        "/api/requests/{id}/submit",
        &submit,
        t,
        Some(json!({})),
    )
    .await;
    call(
        &app,
        s,
        get.clone(),
        "/api/requests",
        "/api/requests",
        t,
        None,
    )
    .await;

    let agent = token(
        &app.create_staff("agent@mairie.fr", "Anne", domain::auth::Role::Agent)
            .await,
    );
    let a = Some(agent.as_str());
    call(
        &app,
        s,
        get.clone(),
        "/api/agent/requests",
        "/api/agent/requests",
        a,
        None,
    )
    .await;
    let detail = format!("/api/agent/requests/{id}");
    call(
        &app,
        s,
        get.clone(),
        "/api/agent/requests/{id}",
        &detail,
        a,
        None,
    )
    .await;
    let take = format!("/api/agent/requests/{id}/take");
    call(
        &app,
        s,
        post.clone(),
        "/api/agent/requests/{id}/take",
        &take,
        a,
        None,
    )
    .await;
    let accept = format!("/api/agent/requests/{id}/accept");
    let (status, accepted) = call(
        &app,
        s,
        post.clone(),
        "/api/agent/requests/{id}/accept",
        &accept,
        a,
        Some(json!({"comment": "Confirmé."})),
    )
    .await;
    assert_eq!(status, 200);
    let household = format!("/api/agent/households/{}", accepted["household_id"]);
    call(
        &app,
        s,
        get.clone(),
        "/api/agent/households/{id}",
        &household,
        a,
        None,
    )
    .await;
    // Staff have no household: the citizen endpoints answer the documented 404.
    let (status, _) = call(
        &app,
        s,
        get.clone(),
        "/api/requests",
        "/api/requests",
        a,
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(&app, s, get, "/api/me/profile", "/api/me/profile", a, None).await;
    assert_eq!(status, 404);
}
