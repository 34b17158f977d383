//! The agents' queue of documents: list, look at the file, "Valider", "Refuser".

use actix_web::{get, post, web, HttpResponse};
use domain::document::{
    Document, DocumentAsk, DocumentFilter, DocumentPage, RequiredDocument, Validation,
};
use domain::ids::{DocumentId, RequestId};
use domain::problem::Problem;
use domain::request::AgentNote;

use super::handlers::serve;
use super::{agent_service, request_service};
use crate::auth_user::AuthAgent;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::town_clock;

/// Documents to look at (by default those waiting), the oldest upload first.
#[utoipa::path(
    operation_id = "agent_list_documents",
    tag = "agent",
    security(("bearer" = [])),
    params(DocumentFilter),
    responses(
        (status = 200, description = "One page of documents.", body = DocumentPage),
        (status = 400, description = "A filter cannot be read (`invalid_query`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/documents")]
pub async fn queue(
    state: web::Data<AppState>,
    _agent: AuthAgent,
    filter: web::Query<DocumentFilter>,
) -> ApiResult<web::Json<DocumentPage>> {
    let (settings, filter) = (state.settings.clone(), filter.into_inner());
    Ok(web::Json(
        state
            .run(move |conn| agent_service::queue(conn, &settings, &filter))
            .await?,
    ))
}

/// The file of any document, to look at before deciding.
#[utoipa::path(
    operation_id = "agent_download_document",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = DocumentId, Path, description = "Document id.")),
    responses(
        (status = 200, description = "The file, as an attachment of its real type.", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "image/jpeg"),
            (Vec<u8> = "image/png"),
        )),
        (status = 403, description = "A document that is health information, for an agent without the health permission (`health_permission_required`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/documents/{id}/file")]
pub async fn download(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<DocumentId>,
) -> ApiResult<HttpResponse> {
    let (settings, id, agent) = (state.settings.clone(), id.into_inner(), agent.0.account_id);
    let row = state
        .run(move |conn| agent_service::to_open(conn, &settings, agent, id))
        .await?;
    serve(&state, &row).await
}

/// "Valider": the document is valid until the given day, or as long as its type says.
#[utoipa::path(
    operation_id = "agent_validate_document",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = DocumentId, Path, description = "Document id.")),
    request_body = Validation,
    responses(
        (status = 200, description = "The validated document.", body = Document),
        (status = 403, description = "A document that is health information, for an agent without the health permission (`health_permission_required`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already validated or refused (`already_reviewed`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A last day of validity in the past (`valid_until`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/documents/{id}/validate")]
pub async fn validate(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<DocumentId>,
    body: ValidJson<Validation>,
) -> ApiResult<web::Json<Document>> {
    let body = body.into_inner()?;
    let (settings, id, agent) = (state.settings.clone(), id.into_inner(), agent.0.account_id);
    Ok(web::Json(
        state
            .run(move |conn| {
                let now = db::now();
                agent_service::validate(conn, &settings, agent, id, &body, town_clock::today(), now)
            })
            .await?,
    ))
}

/// "Refuser", with the reason the family is sent ("Un justificatif fourni a été refusé").
#[utoipa::path(
    operation_id = "agent_refuse_document",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = DocumentId, Path, description = "Document id.")),
    request_body = AgentNote,
    responses(
        (status = 200, description = "The refused document.", body = Document),
        (status = 403, description = "A document that is health information, for an agent without the health permission (`health_permission_required`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already validated or refused (`already_reviewed`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing or too long (`text`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/documents/{id}/refuse")]
pub async fn refuse(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<DocumentId>,
    body: ValidJson<AgentNote>,
) -> ApiResult<web::Json<Document>> {
    let body = body.into_inner()?;
    let (settings, id, agent) = (state.settings.clone(), id.into_inner(), agent.0.account_id);
    Ok(web::Json(
        state
            .run(move |conn| {
                let now = db::now();
                agent_service::refuse(conn, &settings, agent, id, &body, town_clock::today(), now)
            })
            .await?,
    ))
}

/// The documents a request needs, and where each stands.
#[utoipa::path(
    operation_id = "agent_list_request_documents",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    responses(
        (status = 200, description = "One line per document the request needs.", body = Vec<RequiredDocument>),
        (status = 404, description = "No such request (drafts are private).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/requests/{id}/documents")]
pub async fn of_request(
    state: web::Data<AppState>,
    _agent: AuthAgent,
    id: web::Path<RequestId>,
) -> ApiResult<web::Json<Vec<RequiredDocument>>> {
    let (settings, id) = (state.settings.clone(), id.into_inner());
    Ok(web::Json(
        state
            .run(move |conn| request_service::of_request(conn, &settings, id, town_clock::today()))
            .await?,
    ))
}

/// "Demande de justificatifs": the request needs one more document; the family gets a
/// message on the request and a mail.
#[utoipa::path(
    operation_id = "agent_ask_document",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    request_body = DocumentAsk,
    responses(
        (status = 201, description = "The request's documents, with the new one.", body = Vec<RequiredDocument>),
        (status = 404, description = "No such request (drafts are private).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown type (`document_type`), or a person missing, outside the household or not expected (`person_id`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/requests/{id}/document-requests")]
pub async fn ask(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<RequestId>,
    body: ValidJson<DocumentAsk>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let (settings, id, agent) = (state.settings.clone(), id.into_inner(), agent.0.account_id);
    let lines = state
        .run(move |conn| {
            let now = db::now();
            request_service::ask(conn, &settings, agent, id, &body, town_clock::today(), now)
        })
        .await?;
    Ok(HttpResponse::Created().json(lines))
}
