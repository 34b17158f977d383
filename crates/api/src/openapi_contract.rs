//! What utoipa cannot derive from the types, written into the document once the paths are
//! merged: the closed lists of error codes, `required` on everything a response always
//! carries, and the 404 a staff account (which has no household) gets from the
//! household endpoints.

use std::collections::BTreeSet;

use serde_json::{json, Value};

/// Response properties the server leaves out when empty (`skip_serializing_if`).
const MAY_BE_ABSENT: [(&str, &str); 22] = [
    ("Problem", "detail"),
    ("Problem", "errors"),
    ("Session", "refresh_token"),
    ("FieldDefinition", "help"),
    ("FieldDefinition", "choices"),
    ("FieldDefinition", "max_length"),
    ("FieldDefinition", "min"),
    ("FieldDefinition", "max"),
    ("FieldDefinition", "dates"),
    ("FieldDefinition", "shown_when"),
    ("FieldDefinition", "required_when"),
    ("FieldDefinition", "choices_from"),
    ("FieldDefinition", "fields"),
    ("FieldDefinition", "item_label"),
    ("FieldDefinition", "saved_as"),
    ("FieldDefinition", "allow_add"),
    ("FormStep", "family"),
    ("FieldDefinition", "exclusive"),
    ("FormDefinition", "confirmation"),
    ("NewPerson", "second_first_name"),
    ("NewPerson", "third_first_name"),
    ("NewPerson", "birth_department"),
];

/// Paths whose handlers start from the signed-in account's household.
fn needs_household(path: &str) -> bool {
    path.starts_with("/api/requests")
        || [
            "/api/me/profile",
            "/api/me/contacts",
            "/api/me/addresses",
            "/api/me/enrolments",
        ]
        .iter()
        .any(|p| path.starts_with(p))
}

pub fn complete(spec: &mut Value) {
    binary_files(spec);
    error_codes(spec);
    always_sent(spec);
    household_errors(spec);
}

/// Files are written inline as binary strings (`type: string, format: binary`), the form
/// client generators recognise; a `$ref` to such a schema is not.
fn binary_files(spec: &mut Value) {
    let Some(paths) = spec["paths"].as_object_mut() else {
        return;
    };
    for item in paths.values_mut() {
        for operation in item
            .as_object_mut()
            .into_iter()
            .flat_map(|o| o.values_mut())
        {
            let responses = operation["responses"].as_object_mut();
            for response in responses.into_iter().flat_map(|r| r.values_mut()) {
                let media = response
                    .get_mut("content")
                    .and_then(Value::as_object_mut)
                    .into_iter()
                    .flatten();
                for (kind, content) in media {
                    if !kind.ends_with("json") {
                        content["schema"] = json!({"type": "string", "format": "binary"});
                    }
                }
            }
        }
    }
}

fn error_codes(spec: &mut Value) {
    let schemas = &mut spec["components"]["schemas"];
    let list =
        |codes: &[(&str, &str)]| Value::from(codes.iter().map(|(c, _)| *c).collect::<Vec<_>>());
    schemas["Problem"]["properties"]["code"]["enum"] = list(domain::messages::PROBLEM_CODES);
    schemas["FieldError"]["properties"]["code"]["enum"] = list(domain::messages::FIELD_CODES);
}

/// The schema names a value refers to, directly.
fn refs(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                if let Some(name) = r.strip_prefix("#/components/schemas/") {
                    out.insert(name.to_string());
                }
            }
            map.values().for_each(|v| refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// Every schema reachable from `roots`.
fn reachable(spec: &Value, roots: BTreeSet<String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = roots.into_iter().collect();
    while let Some(name) = todo.pop() {
        if seen.insert(name.clone()) {
            let mut next = BTreeSet::new();
            refs(&spec["components"]["schemas"][&name], &mut next);
            todo.extend(next);
        }
    }
    seen
}

/// Schemas only ever sent by the server get every property required (nullable ones stay
/// nullable): clients need not guard against a missing key. Request schemas keep their
/// optional fields optional.
fn always_sent(spec: &mut Value) {
    let (mut sent, mut received) = (BTreeSet::new(), BTreeSet::new());
    for item in spec["paths"]
        .as_object()
        .into_iter()
        .flat_map(|p| p.values())
    {
        for operation in item.as_object().into_iter().flat_map(|o| o.values()) {
            refs(&operation["responses"], &mut sent);
            refs(&operation["requestBody"], &mut received);
            refs(&operation["parameters"], &mut received);
        }
    }
    let received = reachable(spec, received);
    for name in reachable(spec, sent).difference(&received) {
        let schema = &mut spec["components"]["schemas"][name];
        let Some(properties) = schema["properties"].as_object() else {
            continue;
        };
        let required: Vec<Value> = properties
            .keys()
            .filter(|p| !MAY_BE_ABSENT.contains(&(name.as_str(), p.as_str())))
            .map(|p| Value::from(p.as_str()))
            .collect();
        schema["required"] = Value::Array(required);
    }
}

fn household_errors(spec: &mut Value) {
    let Some(paths) = spec["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        if !needs_household(path) {
            continue;
        }
        for operation in item
            .as_object_mut()
            .into_iter()
            .flat_map(|o| o.values_mut())
        {
            let responses = &mut operation["responses"];
            if let Some(Value::String(description)) = responses.pointer_mut("/404/description") {
                description.push_str(" Staff accounts, which have no household, get it too.");
            } else {
                responses["404"] = json!({
                    "description": "The account has no household (`not_found`): town-hall staff accounts call the agent endpoints instead.",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
                });
            }
        }
    }
}
