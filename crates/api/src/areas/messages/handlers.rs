//! "Échanges": the family's messages, reading one, the conversation and the answer;
//! agents write on a request and read its conversation.

use actix_web::{get, post, web, HttpResponse};
use domain::ids::{MessageId, RequestId};
use domain::message::{Message, NewMessage, Reply, Unread};
use domain::problem::Problem;

use super::service;
use crate::auth_user::{AuthAgent, AuthUser};
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// The household's messages, latest first: Date, Sujet, Téléservice concerné, Lu / Non lu.
#[utoipa::path(
    operation_id = "list_messages",
    tag = "messages",
    security(("bearer" = [])),
    responses((status = 200, description = "Every message on the household's requests, both ways.", body = Vec<Message>))
)]
#[get("/me/messages")]
pub async fn list(
    state: web::Data<AppState>,
    user: AuthUser,
) -> ApiResult<web::Json<Vec<Message>>> {
    let settings = state.settings.clone();
    Ok(web::Json(
        state
            .run(move |conn| service::list(conn, &settings, user.account_id))
            .await?,
    ))
}

/// How many of the town hall's messages wait to be read (the menu's "Échanges (2)").
#[utoipa::path(
    operation_id = "count_unread_messages",
    tag = "messages",
    security(("bearer" = [])),
    responses((status = 200, description = "The number of unread messages.", body = Unread))
)]
#[get("/me/messages/unread")]
pub async fn unread(state: web::Data<AppState>, user: AuthUser) -> ApiResult<web::Json<Unread>> {
    Ok(web::Json(
        state
            .run(move |conn| service::unread(conn, user.account_id))
            .await?,
    ))
}

/// Opens a message: the town hall's becomes read ("Lu"), and the town hall sees it.
#[utoipa::path(
    operation_id = "open_message",
    tag = "messages",
    security(("bearer" = [])),
    params(("id" = MessageId, Path, description = "Message id.")),
    responses(
        (status = 200, description = "The message, read.", body = Message),
        (status = 404, description = "No such message in the household.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/messages/{id}/read")]
pub async fn open(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MessageId>,
) -> ApiResult<web::Json<Message>> {
    let (settings, id) = (state.settings.clone(), id.into_inner());
    Ok(web::Json(
        state
            .run(move |conn| service::open(conn, &settings, user.account_id, id, db::now()))
            .await?,
    ))
}

/// The conversation the message belongs to (its request's messages, oldest first).
#[utoipa::path(
    operation_id = "message_thread",
    tag = "messages",
    security(("bearer" = [])),
    params(("id" = MessageId, Path, description = "Message id.")),
    responses(
        (status = 200, description = "The request's messages, oldest first.", body = Vec<Message>),
        (status = 404, description = "No such message in the household.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/messages/{id}/thread")]
pub async fn thread(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MessageId>,
) -> ApiResult<web::Json<Vec<Message>>> {
    let (settings, id) = (state.settings.clone(), id.into_inner());
    Ok(web::Json(
        state
            .run(move |conn| service::thread(conn, &settings, user.account_id, id))
            .await?,
    ))
}

/// Answers a message, on the same request.
#[utoipa::path(
    operation_id = "reply_to_message",
    tag = "messages",
    security(("bearer" = [])),
    params(("id" = MessageId, Path, description = "Message id.")),
    request_body = Reply,
    responses(
        (status = 201, description = "The answer.", body = Message),
        (status = 404, description = "No such message in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The text is missing, too long or holds control characters (`body`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/messages/{id}/replies")]
pub async fn reply(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<MessageId>,
    body: ValidJson<Reply>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let (settings, id) = (state.settings.clone(), id.into_inner());
    let message = state
        .run(move |conn| service::reply(conn, &settings, user.account_id, id, &body, db::now()))
        .await?;
    Ok(HttpResponse::Created().json(message))
}

/// The conversation on a request; the family's messages become read.
#[utoipa::path(
    operation_id = "agent_request_messages",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    responses(
        (status = 200, description = "The request's messages, oldest first.", body = Vec<Message>),
        (status = 404, description = "No such request (drafts are private).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/requests/{id}/messages")]
pub async fn agent_thread(
    state: web::Data<AppState>,
    _agent: AuthAgent,
    id: web::Path<RequestId>,
) -> ApiResult<web::Json<Vec<Message>>> {
    let (settings, id) = (state.settings.clone(), id.into_inner());
    Ok(web::Json(
        state
            .run(move |conn| service::agent_thread(conn, &settings, id, db::now()))
            .await?,
    ))
}

/// Writes to the family about a request; they are mailed a link to "Échanges".
#[utoipa::path(
    operation_id = "agent_write_message",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    request_body = NewMessage,
    responses(
        (status = 201, description = "The message.", body = Message),
        (status = 404, description = "No such request (drafts are private).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A subject or a text missing, too long or with control characters.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/requests/{id}/messages")]
pub async fn write(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<RequestId>,
    body: ValidJson<NewMessage>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let (settings, id, agent) = (state.settings.clone(), id.into_inner(), agent.0.account_id);
    let message = state
        .run(move |conn| service::write(conn, &settings, Some(agent), id, &body, db::now()))
        .await?;
    Ok(HttpResponse::Created().json(message))
}
