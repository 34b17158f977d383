use actix_web::{delete, get, post, put, web, HttpResponse};
use domain::ids::RequestId;
use domain::problem::Problem;
use domain::request::{MyRequests, RequestDetail, RequestInput};

use super::service;
use crate::auth_user::AuthUser;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// "Mes demandes": the household's requests, En cours and Effectuées.
#[utoipa::path(
    operation_id = "list_requests",
    tag = "requests",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The household's requests, latest number first.", body = MyRequests),
    )
)]
#[get("/requests")]
pub async fn list(state: web::Data<AppState>, user: AuthUser) -> ApiResult<web::Json<MyRequests>> {
    Ok(web::Json(
        state
            .run(move |conn| service::list(conn, user.account_id))
            .await?,
    ))
}

/// Starts a request as a draft (Brouillon). Required answers may still be missing.
#[utoipa::path(
    operation_id = "create_request",
    tag = "requests",
    security(("bearer" = [])),
    request_body = RequestInput,
    responses(
        (status = 201, description = "The draft.", body = RequestDetail),
        (status = 422, description = "Unknown procedure, person outside the household (`not_a_member`) or invalid answers (`answers.<field>`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/requests")]
pub async fn create(
    state: web::Data<AppState>,
    user: AuthUser,
    body: ValidJson<RequestInput>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let request = state
        .run(move |conn| service::create(conn, user.account_id, &body))
        .await?;
    Ok(HttpResponse::Created().json(request))
}

/// One request with its answers and history ("Voir et imprimer la demande").
#[utoipa::path(
    operation_id = "get_request",
    tag = "requests",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    responses(
        (status = 200, description = "The request.", body = RequestDetail),
        (status = 404, description = "No such request in the household.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/requests/{id}")]
pub async fn detail(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<RequestId>,
) -> ApiResult<web::Json<RequestDetail>> {
    let id = id.into_inner();
    Ok(web::Json(
        state
            .run(move |conn| service::detail(conn, user.account_id, id))
            .await?,
    ))
}

/// Changes the answers, while the request is a draft or not yet taken by an agent.
#[utoipa::path(
    operation_id = "update_request",
    tag = "requests",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    request_body = RequestInput,
    responses(
        (status = 200, description = "The request.", body = RequestDetail),
        (status = 404, description = "No such request in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An agent took it (`request_locked`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid answers.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/requests/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<RequestId>,
    body: ValidJson<RequestInput>,
) -> ApiResult<web::Json<RequestDetail>> {
    let body = body.into_inner()?;
    let id = id.into_inner();
    Ok(web::Json(
        state
            .run(move |conn| service::update(conn, user.account_id, id, &body))
            .await?,
    ))
}

/// Deletes a draft.
#[utoipa::path(
    operation_id = "delete_request",
    tag = "requests",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    responses(
        (status = 204, description = "Deleted."),
        (status = 404, description = "No such request in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft any more (`request_locked`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/requests/{id}")]
pub async fn delete(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<RequestId>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .run(move |conn| service::delete(conn, user.account_id, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// "Enregistrer la demande": sends the draft to the town hall; a receipt is e-mailed.
#[utoipa::path(
    operation_id = "submit_request",
    tag = "requests",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    responses(
        (status = 200, description = "The request, now Enregistrée.", body = RequestDetail),
        (status = 404, description = "No such request in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Required answers missing.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/requests/{id}/submit")]
pub async fn submit(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<RequestId>,
) -> ApiResult<web::Json<RequestDetail>> {
    let id = id.into_inner();
    let settings = state.settings.clone();
    let request = state
        .run(move |conn| service::submit(conn, &settings, user.account_id, id))
        .await?;
    Ok(web::Json(request))
}
