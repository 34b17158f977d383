//! Messages: the family's list, reading one, its conversation and the answer; for agents,
//! a request's conversation and writing to the family; the files attached.

use domain::document::{Document, UploadFields};
use domain::ids::{AttachmentId, MessageId, RequestId};
use domain::message::{Attachment, Message, NewMessage, Reply, Unread};

use super::client::{local_problem, ApiResult, Authed, File};
use super::documents::FILES;

pub async fn list(authed: &Authed) -> ApiResult<Vec<Message>> {
    authed.get("/me/messages").await
}

pub async fn unread(authed: &Authed) -> ApiResult<Unread> {
    authed.get("/me/messages/unread").await
}

/// Opens a message: the town hall's become read.
pub async fn open(authed: &Authed, id: MessageId) -> ApiResult<Message> {
    authed.post_empty(&format!("/me/messages/{id}/read")).await
}

pub async fn thread(authed: &Authed, id: MessageId) -> ApiResult<Vec<Message>> {
    authed.get(&format!("/me/messages/{id}/thread")).await
}

pub async fn reply(authed: &Authed, id: MessageId, reply: &Reply) -> ApiResult<Message> {
    authed
        .post(&format!("/me/messages/{id}/replies"), reply)
        .await
}

pub async fn of_request(authed: &Authed, id: RequestId) -> ApiResult<Vec<Message>> {
    authed.get(&format!("/agent/requests/{id}/messages")).await
}

pub async fn write(authed: &Authed, id: RequestId, message: &NewMessage) -> ApiResult<Message> {
    authed
        .post(&format!("/agent/requests/{id}/messages"), message)
        .await
}

/// Uploads a file to attach to the next message.
pub async fn attach(authed: &Authed, file: &web_sys::File) -> ApiResult<Attachment> {
    let form = web_sys::FormData::new().map_err(|_| local_problem("internal_error", 0))?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| local_problem("internal_error", 0))?;
    authed.post_form("/me/attachments", form).await
}

pub async fn attachment_file(authed: &Authed, id: AttachmentId) -> ApiResult<File> {
    authed
        .get_file(&format!("/me/attachments/{id}/file"), FILES)
        .await
}

pub async fn agent_attachment_file(authed: &Authed, id: AttachmentId) -> ApiResult<File> {
    authed
        .get_file(&format!("/agent/attachments/{id}/file"), FILES)
        .await
}

/// Files a family's attachment as one of its request's documents.
pub async fn file_as(
    authed: &Authed,
    id: AttachmentId,
    fields: &UploadFields,
) -> ApiResult<Document> {
    authed
        .post(&format!("/agent/attachments/{id}/file-as"), fields)
        .await
}
