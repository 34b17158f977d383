//! Justificatifs: what the household still has to provide, its library, the upload and
//! the download; for agents, the queue and Valider / Refuser.

use domain::document::{
    Document, DocumentAsk, DocumentFilter, DocumentPage, DocumentType, LibraryDocument,
    RequiredDocument, UploadFields, Validation,
};
use domain::ids::{DocumentId, RequestId};
use domain::request::AgentNote;

use super::client::{local_problem, query_string, ApiResult, Authed, File};

pub async fn types(authed: &Authed) -> ApiResult<Vec<DocumentType>> {
    authed.get("/document-types").await
}

pub async fn required(authed: &Authed) -> ApiResult<Vec<RequiredDocument>> {
    authed.get("/me/required-documents").await
}

pub async fn library(authed: &Authed) -> ApiResult<Vec<LibraryDocument>> {
    authed.get("/me/documents").await
}

/// Sends `file` for the slot `fields`.
pub async fn upload(
    authed: &Authed,
    fields: &UploadFields,
    file: &web_sys::File,
) -> ApiResult<Document> {
    let pairs: Vec<(&str, String)> = [
        ("document_type", Some(fields.document_type.clone())),
        ("person_id", fields.person_id.map(|p| p.to_string())),
        ("request_id", fields.request_id.map(|r| r.to_string())),
        ("document_date", fields.document_date.map(|d| d.to_string())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    let form = web_sys::FormData::new().map_err(|_| local_problem("internal_error", 0))?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| local_problem("internal_error", 0))?;
    authed
        .post_form(&format!("/me/documents?{}", query_string(&pairs)), form)
        .await
}

/// What a stored file may be.
pub const FILES: &str = "application/pdf, image/jpeg, image/png";

pub async fn file(authed: &Authed, id: DocumentId) -> ApiResult<File> {
    authed
        .get_file(&format!("/me/documents/{id}/file"), FILES)
        .await
}

pub async fn queue(authed: &Authed, filter: &DocumentFilter) -> ApiResult<DocumentPage> {
    let pairs: Vec<(&str, String)> = [
        ("status", filter.status.map(|s| s.as_str().to_string())),
        ("document_type", filter.document_type.clone()),
        ("from", filter.from.map(|d| d.to_string())),
        ("to", filter.to.map(|d| d.to_string())),
        ("postal_code", filter.postal_code.clone()),
        ("page", filter.page.map(|p| p.to_string())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    authed
        .get(&format!("/agent/documents?{}", query_string(&pairs)))
        .await
}

pub async fn agent_file(authed: &Authed, id: DocumentId) -> ApiResult<File> {
    authed
        .get_file(&format!("/agent/documents/{id}/file"), FILES)
        .await
}

pub async fn validate(authed: &Authed, id: DocumentId, body: &Validation) -> ApiResult<Document> {
    authed
        .post(&format!("/agent/documents/{id}/validate"), body)
        .await
}

pub async fn refuse(authed: &Authed, id: DocumentId, note: &AgentNote) -> ApiResult<Document> {
    authed
        .post(&format!("/agent/documents/{id}/refuse"), note)
        .await
}

pub async fn of_request(authed: &Authed, id: RequestId) -> ApiResult<Vec<RequiredDocument>> {
    authed.get(&format!("/requests/{id}/documents")).await
}

pub async fn of_agent_request(authed: &Authed, id: RequestId) -> ApiResult<Vec<RequiredDocument>> {
    authed.get(&format!("/agent/requests/{id}/documents")).await
}

/// "Demande de justificatifs".
pub async fn ask(
    authed: &Authed,
    id: RequestId,
    asked: &DocumentAsk,
) -> ApiResult<Vec<RequiredDocument>> {
    authed
        .post(&format!("/agent/requests/{id}/document-requests"), asked)
        .await
}
