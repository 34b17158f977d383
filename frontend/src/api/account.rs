//! Account creation, activation and the signed-in person's account.

use domain::account::{
    ActivationInfo, ActivationRequest, RegistrationAccepted, RegistrationRequest,
};
use domain::auth::{Me, PasswordChangeRequest, Session};

use super::client::{self, encode, ApiResult, Authed};

pub async fn register(request: &RegistrationRequest) -> ApiResult<RegistrationAccepted> {
    client::post("/registrations", request).await
}

pub async fn activation_info(token: &str) -> ApiResult<ActivationInfo> {
    client::get(&format!("/activations/{}", encode(token))).await
}

pub async fn activate(token: &str, request: &ActivationRequest) -> ApiResult<Session> {
    client::post(&format!("/activations/{}", encode(token)), request).await
}

pub async fn me(authed: &Authed) -> ApiResult<Me> {
    authed.get("/me").await
}

pub async fn change_password(authed: &Authed, request: &PasswordChangeRequest) -> ApiResult<()> {
    authed.post_no_content("/me/password", Some(request)).await
}
