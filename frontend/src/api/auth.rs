//! Login, logout, forgotten login or password, password reset.

use domain::auth::{
    Accepted, ForgottenLoginRequest, ForgottenPasswordRequest, LoginRequest, PasswordResetInfo,
    PasswordResetRequest, Session,
};

use super::client::{self, encode, ApiResult, Authed};

pub async fn login(request: &LoginRequest) -> ApiResult<Session> {
    client::post("/auth/login", request).await
}

pub async fn logout(authed: &Authed) -> ApiResult<()> {
    authed.post_no_content::<()>("/auth/logout", None).await
}

pub async fn forgotten_login(request: &ForgottenLoginRequest) -> ApiResult<Accepted> {
    client::post("/auth/forgotten-login", request).await
}

pub async fn forgotten_password(request: &ForgottenPasswordRequest) -> ApiResult<Accepted> {
    client::post("/auth/forgotten-password", request).await
}

pub async fn reset_info(token: &str) -> ApiResult<PasswordResetInfo> {
    client::get(&format!("/password-resets/{}", encode(token))).await
}

pub async fn reset_password(token: &str, request: &PasswordResetRequest) -> ApiResult<()> {
    client::post_no_content(&format!("/password-resets/{}", encode(token)), request).await
}
