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
    tags(
        (name = "health", description = "State of the service."),
        (name = "catalogue", description = "The commune and its catalogue of procedures (public)."),
        (name = "captcha", description = "Challenges that protect account creation."),
        (name = "accounts", description = "Account creation and activation."),
        (name = "auth", description = "Login, sessions, forgotten login or password."),
        (name = "requests", description = "\"Mes demandes\": the citizen's requests to the town hall, from draft to answer."),
        (name = "agent", description = "Town-hall agents: the request inbox, decisions, households (read-only); staff accounts (admins)."),
        (name = "profile", description = "\"Mon profil\": the household, civil and social data, contacts and addresses of the signed-in account holder."),
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

/// The complete document, as served at `/api/openapi.json` and committed in
/// `openapi/openapi.json`.
pub fn spec() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/api").configure(areas::configure))
        .split_for_parts();
    api
}

/// The document as committed: pretty JSON with a final newline.
pub fn spec_json() -> String {
    let mut json = spec().to_pretty_json().unwrap_or_default();
    json.push('\n');
    json
}
