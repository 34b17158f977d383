//! "Mes demandes": a citizen's requests to the town hall, from draft to submission.

use domain::ids::RequestId;
use domain::request::{MyRequests, RequestDetail, RequestInput};

use super::client::{ApiResult, Authed};

pub async fn mine(authed: &Authed) -> ApiResult<MyRequests> {
    authed.get("/requests").await
}

pub async fn get(authed: &Authed, id: RequestId) -> ApiResult<RequestDetail> {
    authed.get(&format!("/requests/{id}")).await
}

/// Saves a new draft; incomplete answers are accepted.
pub async fn create(authed: &Authed, input: &RequestInput) -> ApiResult<RequestDetail> {
    authed.post("/requests", input).await
}

pub async fn update(
    authed: &Authed,
    id: RequestId,
    input: &RequestInput,
) -> ApiResult<RequestDetail> {
    authed.put(&format!("/requests/{id}"), input).await
}

pub async fn delete(authed: &Authed, id: RequestId) -> ApiResult<()> {
    authed.delete(&format!("/requests/{id}")).await
}

/// "Enregistrer la demande": the draft goes to the town hall.
pub async fn submit(authed: &Authed, id: RequestId) -> ApiResult<RequestDetail> {
    authed.post_empty(&format!("/requests/{id}/submit")).await
}
