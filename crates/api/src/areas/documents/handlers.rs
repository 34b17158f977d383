//! The household's documents: types, "Mes justificatifs à fournir", the library, the
//! upload and the download.

use actix_multipart::Multipart;
use actix_web::{get, post, web, HttpResponse};
use domain::document::{
    Document, DocumentType, FileKind, LibraryDocument, RequiredDocument, UploadFields,
};
use domain::ids::{DocumentId, RequestId};
use domain::problem::Problem;
use validator::Validate;

use super::incoming::{self, Rules};
use super::{request_service, service};
use crate::auth_user::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::town_clock;

/// The multipart body of an upload: one `file` part.
#[derive(utoipa::ToSchema)]
#[schema(example = json!({"file": "%PDF-1.7 ..."}))]
#[allow(dead_code)]
pub struct UploadBody {
    /// The document: PDF, JPEG or PNG (as the type allows), decided from its content.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// The types of documents the commune asks for.
#[utoipa::path(
    operation_id = "list_document_types",
    tag = "documents",
    security(("bearer" = [])),
    responses((status = 200, description = "Every type, in the commune's order.", body = Vec<DocumentType>))
)]
#[get("/document-types")]
pub async fn types(state: web::Data<AppState>, _user: AuthUser) -> web::Json<Vec<DocumentType>> {
    web::Json(
        state
            .settings
            .commune
            .document_types()
            .iter()
            .map(|t| t.public())
            .collect(),
    )
}

/// "Mes justificatifs à fournir": what the household's open requests need, with status.
#[utoipa::path(
    operation_id = "list_required_documents",
    tag = "documents",
    security(("bearer" = [])),
    responses((status = 200, description = "One line per type and person, with the requests that need it.", body = Vec<RequiredDocument>))
)]
#[get("/me/required-documents")]
pub async fn required(
    state: web::Data<AppState>,
    user: AuthUser,
) -> ApiResult<web::Json<Vec<RequiredDocument>>> {
    let settings = state.settings.clone();
    Ok(web::Json(
        state
            .run(move |conn| {
                service::required(conn, &settings, user.account_id, town_clock::today())
            })
            .await?,
    ))
}

/// "Ma bibliothèque de justificatifs": every document of the household, latest first.
#[utoipa::path(
    operation_id = "list_documents",
    tag = "documents",
    security(("bearer" = [])),
    responses((status = 200, description = "The household's documents, with their history and the requests each served.", body = Vec<LibraryDocument>))
)]
#[get("/me/documents")]
pub async fn library(
    state: web::Data<AppState>,
    user: AuthUser,
) -> ApiResult<web::Json<Vec<LibraryDocument>>> {
    let settings = state.settings.clone();
    Ok(web::Json(
        state
            .run(move |conn| service::library(conn, &settings, user.account_id, db::now()))
            .await?,
    ))
}

/// Provides a document. The slot (type, person, date) is in the query and is checked
/// before the file is read; the file is the body's one `file` part. It waits for an
/// agent ("En attente de validation").
#[utoipa::path(
    operation_id = "upload_document",
    tag = "documents",
    security(("bearer" = [])),
    params(UploadFields),
    request_body(content = UploadBody, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "The document, waiting for validation.", body = Document),
        (status = 400, description = "The body is not a readable multipart form (`malformed_multipart`) or the query cannot be read (`invalid_query`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown type (`document_type`), a person outside the household or of the wrong kind (`person_id`), an implausible date (`document_date`), or a file refused (`file`: `required`, `empty_file`, `file_too_large`, `unsupported_file_type`, `unreadable_image`, `invalid_file_name`, `too_many_files`).", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The file store is unavailable (`storage_unavailable`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/documents")]
pub async fn upload(
    state: web::Data<AppState>,
    user: AuthUser,
    fields: web::Query<UploadFields>,
    body: Multipart,
) -> ApiResult<HttpResponse> {
    let fields = fields.into_inner();
    fields
        .validate()
        .map_err(|e| ApiError::validation(domain::validation::field_errors(&e)))?;
    let settings = state.settings.clone();
    let account = user.account_id;
    let slot = state
        .run(move |conn| service::slot(conn, &settings, account, &fields, town_clock::today()))
        .await?;
    let rules = Rules {
        formats: &slot.document_type.formats,
        max_bytes: slot.document_type.max_bytes(),
    };
    let stored = incoming::receive(&state.storage, body, rules).await?;
    let settings = state.settings.clone();
    let document = incoming::recorded(&state, stored, move |conn, stored| {
        service::record(conn, &settings, account, &slot, stored, db::now())
    })
    .await?;
    Ok(HttpResponse::Created().json(document))
}

/// The file of one of the household's documents.
#[utoipa::path(
    operation_id = "download_document",
    tag = "documents",
    security(("bearer" = [])),
    params(("id" = DocumentId, Path, description = "Document id.")),
    responses(
        (status = 200, description = "The file, as an attachment of its real type.", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "image/jpeg"),
            (Vec<u8> = "image/png"),
        )),
        (status = 404, description = "No such document in the household.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/documents/{id}/file")]
pub async fn download(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<DocumentId>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let row = state
        .run(move |conn| service::own(conn, user.account_id, id))
        .await?;
    serve(&state, &row).await
}

/// A document's file, as an attachment of its real type.
pub async fn serve(state: &AppState, row: &db::documents::DocumentRow) -> ApiResult<HttpResponse> {
    let name = format!("justificatif-{}.{}", row.id, row.file_kind.extension());
    serve_file(
        state,
        &row.object_key,
        row.file_kind,
        row.size_bytes,
        &name,
        None,
    )
    .await
}

/// A stored file as an attachment of its real type, never sniffed, never cached. The
/// header names it `name` (ASCII), and `shown` for browsers that read RFC 6266's UTF-8
/// form.
pub async fn serve_file(
    state: &AppState,
    key: &str,
    kind: FileKind,
    size: i64,
    name: &str,
    shown: Option<&str>,
) -> ApiResult<HttpResponse> {
    use actix_web::http::header::{
        Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
    };
    let stream = state.storage.get(key).await?;
    let size = u64::try_from(size).map_err(ApiError::internal)?;
    let mut parameters = vec![DispositionParam::Filename(name.to_string())];
    if let Some(shown) = shown {
        parameters.push(DispositionParam::FilenameExt(ExtendedValue {
            charset: Charset::Ext("UTF-8".to_string()),
            language_tag: None,
            value: shown.as_bytes().to_vec(),
        }));
    }
    Ok(HttpResponse::Ok()
        .content_type(kind.mime())
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters,
        })
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Cache-Control", "no-store"))
        .no_chunking(size)
        .streaming(stream))
}

/// The documents one of the household's requests needs, and where each stands.
#[utoipa::path(
    operation_id = "list_request_documents",
    tag = "documents",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    responses(
        (status = 200, description = "One line per document the request needs.", body = Vec<RequiredDocument>),
        (status = 404, description = "No such request in the household.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/requests/{id}/documents")]
pub async fn of_request(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<RequestId>,
) -> ApiResult<web::Json<Vec<RequiredDocument>>> {
    let (settings, id) = (state.settings.clone(), id.into_inner());
    Ok(web::Json(
        state
            .run(move |conn| {
                request_service::of_own_request(
                    conn,
                    &settings,
                    user.account_id,
                    id,
                    town_clock::today(),
                )
            })
            .await?,
    ))
}
