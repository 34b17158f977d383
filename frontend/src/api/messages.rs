//! Messages: the family's list, reading one, its conversation and the answer; for agents,
//! a request's conversation and writing to the family.

use domain::ids::{MessageId, RequestId};
use domain::message::{Message, NewMessage, Reply, Unread};

use super::client::{ApiResult, Authed};

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
