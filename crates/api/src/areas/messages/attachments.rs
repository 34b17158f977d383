//! Attachments: upload one (before sending the message that carries it), download one,
//! and, for agents, file a family's attachment as one of the request's documents.

use actix_multipart::Multipart;
use actix_web::{get, post, web, HttpResponse};
use domain::document::{Document, FileKind, UploadFields};
use domain::ids::AttachmentId;
use domain::message::Attachment;
use domain::problem::Problem;

use super::attachment_service as service;
use crate::areas::documents::handlers::{serve_file, UploadBody};
use crate::areas::documents::incoming::{self, Rules, Stored};
use crate::auth_user::{AuthAgent, AuthUser};
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;
use crate::town_clock;

/// Uploads a file to attach to the next message (families and agents alike): PDF, JPEG
/// or PNG up to 10 Mo, decided from its content. It is sent with a message by putting
/// its id in the message's `attachments`; one not sent within a day is forgotten.
#[utoipa::path(
    operation_id = "upload_attachment",
    tag = "messages",
    security(("bearer" = [])),
    request_body(content = UploadBody, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "The attachment, not sent yet.", body = Attachment),
        (status = 400, description = "The body is not a readable multipart form (`malformed_multipart`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Ten attachments already wait to be sent (`too_many_unsent_attachments`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The file is refused (`file`: `required`, `empty_file`, `file_too_large`, `unsupported_file_type`, `unreadable_image`, `image_too_large`, `invalid_file_name`, `too_many_files`).", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The file store is unavailable (`storage_unavailable`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/attachments")]
pub async fn upload(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Multipart,
) -> ApiResult<HttpResponse> {
    let account = user.account_id;
    state.run(move |conn| service::room(conn, account)).await?;
    let rules = Rules {
        formats: &FileKind::ALL,
        max_bytes: service::MAX_BYTES,
    };
    let stored = incoming::receive(&state.storage, body, rules).await?;
    let attachment = incoming::recorded(&state, stored, move |conn, stored| {
        service::record(conn, account, stored, db::now())
    })
    .await?;
    Ok(HttpResponse::Created().json(attachment))
}

async fn serve(state: &AppState, row: &db::attachments::AttachmentRow) -> ApiResult<HttpResponse> {
    let name = format!("piece-jointe-{}.{}", row.id, row.file_kind.extension());
    let shown = Some(row.file_name.as_str());
    serve_file(
        state,
        &row.object_key,
        row.file_kind,
        row.size_bytes,
        &name,
        shown,
    )
    .await
}

/// The file of an attachment on one of the household's messages (or one's own, unsent).
#[utoipa::path(
    operation_id = "download_attachment",
    tag = "messages",
    security(("bearer" = [])),
    params(("id" = AttachmentId, Path, description = "Attachment id.")),
    responses(
        (status = 200, description = "The file, as an attachment of its real type, named as the sender's file was (`filename*`).", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "image/jpeg"),
            (Vec<u8> = "image/png"),
        )),
        (status = 404, description = "No such attachment in the household's messages.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/attachments/{id}/file")]
pub async fn download(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<AttachmentId>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let row = state
        .run(move |conn| service::own(conn, user.account_id, id))
        .await?;
    serve(&state, &row).await
}

/// The file of an attachment on any sent request's messages.
#[utoipa::path(
    operation_id = "agent_download_attachment",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = AttachmentId, Path, description = "Attachment id.")),
    responses(
        (status = 200, description = "The file, as an attachment of its real type.", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "image/jpeg"),
            (Vec<u8> = "image/png"),
        )),
        (status = 404, description = "No such attachment.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/attachments/{id}/file")]
pub async fn agent_download(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<AttachmentId>,
) -> ApiResult<HttpResponse> {
    let (id, agent) = (id.into_inner(), agent.0.account_id);
    let row = state
        .run(move |conn| service::for_agent(conn, agent, id))
        .await?;
    serve(&state, &row).await
}

/// Files a family's attachment as one of the documents its request needs: the file is
/// copied into a new document of the household, waiting for validation; the attachment
/// says which document it became.
#[utoipa::path(
    operation_id = "agent_file_attachment",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = AttachmentId, Path, description = "Attachment id.")),
    request_body = UploadFields,
    responses(
        (status = 201, description = "The new document, waiting for validation.", body = Document),
        (status = 404, description = "No such attachment, or its request is a draft.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already filed (`already_filed`), or not sent by the family (`not_a_family_attachment`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A type the request does not need (`document_type`: `unknown_document_type`, `not_required`), of another format or size (`unsupported_file_type`, `file_too_large`), an ambiguous or wrong person (`person_id`: `required`, `not_expected`), or an implausible date (`document_date`).", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The file store is unavailable (`storage_unavailable`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/attachments/{id}/file-as")]
pub async fn file_as(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<AttachmentId>,
    body: ValidJson<UploadFields>,
) -> ApiResult<HttpResponse> {
    let fields = body.into_inner()?;
    let (settings, id, agent) = (state.settings.clone(), id.into_inner(), agent.0.account_id);
    let filing = state
        .run(move |conn| service::filing(conn, &settings, agent, id, &fields, town_clock::today()))
        .await?;
    let row = &filing.attachment;
    let copy = Stored {
        key: incoming::new_key(row.file_kind),
        kind: row.file_kind,
        size: u64::try_from(row.size_bytes).unwrap_or_default(),
        sha256: row.sha256.clone(),
        file_name: None,
    };
    state.storage.copy(&row.object_key, &copy.key).await?;
    let settings = state.settings.clone();
    let document = incoming::recorded(&state, copy, move |conn, copy| {
        service::file(conn, &settings, &filing, copy, db::now())
    })
    .await?;
    Ok(HttpResponse::Created().json(document))
}
