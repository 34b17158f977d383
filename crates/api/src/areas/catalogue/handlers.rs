use actix_web::http::header::{CacheControl, CacheDirective};
use actix_web::{get, web, HttpResponse};
use domain::catalogue::{Catalogue, Commune, Procedure};
use domain::problem::Problem;

use super::service;
use crate::error::ApiResult;
use crate::state::AppState;

fn cacheable() -> CacheControl {
    CacheControl(vec![CacheDirective::Public, CacheDirective::MaxAge(300)])
}

/// The commune: name, régie and news line ("ACTUALITÉS").
#[utoipa::path(
    operation_id = "get_commune", tag = "catalogue", responses((status = 200, description = "The commune.", body = Commune)))]
#[get("/commune")]
pub async fn commune(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(cacheable())
        .json(service::commune(&state.settings))
}

/// The services and their procedures, visible without an account.
#[utoipa::path(
    operation_id = "get_catalogue", tag = "catalogue", responses((status = 200, description = "The catalogue.", body = Catalogue)))]
#[get("/catalogue")]
pub async fn catalogue(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let catalogue = state.run(service::catalogue).await?;
    Ok(HttpResponse::Ok()
        .insert_header(cacheable())
        .json(catalogue))
}

/// A procedure's description page.
#[utoipa::path(
    operation_id = "get_procedure",
    tag = "catalogue",
    params(("slug" = String, Path, description = "Procedure identifier, e.g. `fiche-enfant`.")),
    responses(
        (status = 200, description = "The procedure.", body = Procedure),
        (status = 404, description = "No such procedure.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/procedures/{slug}")]
pub async fn procedure(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let slug = slug.into_inner();
    let procedure = state
        .run(move |conn| service::procedure(conn, &slug))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(cacheable())
        .json(procedure))
}
