//! The OpenAPI document. Paths come from the same `areas::configure` that mounts the
//! routes, so the spec cannot list a route the server lacks, nor miss one.

use actix_web::App;
use domain::problem::{FieldError, Problem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::areas;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Guichet API",
        description = "API du portail citoyen Guichet : catalogue des démarches, comptes, connexion.\n\n\
Every error answers `application/problem+json` (RFC 9457) with a stable `code`; invalid input lists \
the fields in `errors`. Authenticated endpoints take `Authorization: Bearer <access_token>` from \
`POST /api/auth/login`; access tokens last 15 minutes and are renewed with `POST /api/auth/refresh`. \
Conventions: `docs/API-DESIGN.md`.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    servers(
        (url = "http://127.0.0.1:8080", description = "The portal as `cargo xtask run` starts it; in production, the commune's public address."),
    ),
    tags(
        (name = "health", description = "State of the service."),
        (name = "catalogue", description = "The commune and its catalogue of procedures (public)."),
        (name = "captcha", description = "Challenges that protect account creation."),
        (name = "accounts", description = "Account creation and activation."),
        (name = "auth", description = "Login, sessions, forgotten login or password."),
        (name = "requests", description = "\"Mes demandes\": the citizen's requests to the town hall, from draft to answer."),
        (name = "agent", description = "Town-hall agents: the request inbox, decisions, households (read-only); staff accounts (admins)."),
        (name = "profile", description = "\"Mon profil\": the household, civil and social data, contacts and addresses of the signed-in account holder."),
        (name = "agenda", description = "\"Agenda\": a person's days, booking canteen, garderie and leisure-centre units within the commune's rules (deadlines, enrolment, capacity and waiting list), the history of actions."),
    ),
    components(schemas(Problem, FieldError)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("Access token from `POST /api/auth/login`."))
                    .build(),
            ),
        );
    }
}

/// A documented error response: `application/problem+json` with the Problem schema.
fn problem(description: &str) -> utoipa::openapi::RefOr<utoipa::openapi::Response> {
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build(),
    )
}

/// Every endpoint that takes a JSON body answers these the same way (the `ValidJson`
/// extractor): documented here once so that no handler can forget them.
struct BodyErrors;

impl Modify for BodyErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let operations = [&mut item.post, &mut item.put, &mut item.patch];
            for operation in operations.into_iter().flatten() {
                if operation.request_body.is_none() {
                    continue;
                }
                let responses = &mut operation.responses.responses;
                for (status, description) in [
                    ("400", "The body is not valid JSON (`malformed_json`)."),
                    (
                        "413",
                        "The body is larger than 64 KiB (`payload_too_large`).",
                    ),
                    ("415", "The body is not JSON (`unsupported_media_type`)."),
                    (
                        "422",
                        "Invalid fields (`validation_failed`), one entry per field in `errors`.",
                    ),
                ] {
                    responses
                        .entry(status.to_string())
                        .or_insert_with(|| problem(description));
                }
            }
        }
    }
}

/// Every operation of a path item.
fn operations(
    item: &mut utoipa::openapi::PathItem,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        &mut item.get,
        &mut item.post,
        &mut item.put,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .flatten()
}

/// Who may call what is stated by each handler's `security` and path: the matching
/// errors are documented here once (a handler lists them only to say something more).
struct AuthErrors;

impl Modify for AuthErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let forbidden = if path.starts_with("/api/admin/") {
                Some("Not an admin (`forbidden`).")
            } else if path.starts_with("/api/agent/") {
                Some("Not an agent (`forbidden`).")
            } else {
                None
            };
            for operation in operations(item) {
                if operation.security.is_none() {
                    continue;
                }
                let responses = &mut operation.responses.responses;
                responses.entry("401".to_string()).or_insert_with(|| {
                    problem(
                        "Not logged in, or the session ended (`unauthenticated`, `token_expired`).",
                    )
                });
                if let Some(description) = forbidden {
                    responses
                        .entry("403".to_string())
                        .or_insert_with(|| problem(description));
                }
            }
        }
    }
}

/// A 429 problem with its `Retry-After` header.
fn too_many(description: &str) -> utoipa::openapi::RefOr<utoipa::openapi::Response> {
    use utoipa::openapi::{HeaderBuilder, RefOr};
    let RefOr::T(mut response) = problem(description) else {
        unreachable!("problem() builds a response")
    };
    response.headers.insert(
        "Retry-After".into(),
        HeaderBuilder::new()
            .schema(
                utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::Type::Integer),
            )
            .description(Some("Seconds to wait before trying again."))
            .build(),
    );
    RefOr::T(response)
}

/// The per-client rate limits of the anonymous endpoints (`rate_limit`), and the
/// bounded password hashing of the endpoints that take a password.
struct LimitErrors;

impl Modify for LimitErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let limited = crate::rate_limit::is_limited(path);
            for operation in operations(item) {
                let responses = &mut operation.responses.responses;
                if limited {
                    responses.entry("429".to_string()).or_insert_with(|| {
                        too_many("Too many calls from this client (`too_many_attempts`); see `Retry-After`.")
                    });
                }
                // A 429 the handler documents (a password throttle) gets the header too.
                if let Some(utoipa::openapi::RefOr::T(response)) = responses.get_mut("429") {
                    if !response.headers.contains_key("Retry-After") {
                        let description = response.description.clone();
                        responses.insert("429".to_string(), too_many(&description));
                    }
                }
                let takes_password = operation.request_body.as_ref().is_some_and(|_| {
                    PASSWORD_OPERATIONS
                        .contains(&operation.operation_id.as_deref().unwrap_or_default())
                });
                if takes_password {
                    responses.entry("503".to_string()).or_insert_with(|| {
                        problem("Too many password checks at once (`server_busy`); try again after `Retry-After`.")
                    });
                }
            }
        }
    }
}

/// Operations that hash or check a password on the bounded pool.
const PASSWORD_OPERATIONS: [&str; 5] = [
    "login",
    "activate_account",
    "reset_password",
    "change_password",
    "request_email_change",
];

/// The complete document, as served at `/api/openapi.json` and committed in
/// `openapi/openapi.json`.
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, mut api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/api").configure(areas::configure))
        .split_for_parts();
    // After the handlers' paths are merged in: the derive's modifiers run before.
    BodyErrors.modify(&mut api);
    AuthErrors.modify(&mut api);
    LimitErrors.modify(&mut api);
    let mut document = serde_json::to_value(&api).expect("the document serialises");
    crate::openapi_contract::complete(&mut document);
    serde_json::from_value(document).expect("the completed document reads back")
}

/// The document as committed: pretty JSON with a final newline.
pub fn spec_json() -> String {
    let mut json = spec().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}
