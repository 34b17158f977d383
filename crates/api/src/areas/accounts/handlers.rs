use actix_web::{get, post, web, HttpResponse};
use domain::account::{
    ActivationInfo, ActivationRequest, RegistrationAccepted, RegistrationRequest,
};
use domain::auth::Session;
use domain::problem::Problem;

use super::service;
use crate::areas::auth::refresh_cookie;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// "Enregistrer la demande": creates the account and sends the activation e-mail.
///
/// The answer is the same whether or not the address already has an account (an existing
/// account holder receives a reminder of their login instead).
#[utoipa::path(
    operation_id = "register",
    tag = "accounts",
    request_body = RegistrationRequest,
    responses(
        (status = 202, description = "Activation e-mail queued.", body = RegistrationAccepted),
        (status = 400, description = "Malformed JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation_failed`), including a wrong or expired captcha (`captcha.answer`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/registrations")]
pub async fn register(
    state: web::Data<AppState>,
    body: ValidJson<RegistrationRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let settings = state.settings.clone();
    let accepted = state
        .run(move |conn| service::register(conn, &settings, &body))
        .await?;
    Ok(HttpResponse::Accepted().json(accepted))
}

/// What the activation page shows: names and the proposed login.
#[utoipa::path(
    operation_id = "get_activation",
    tag = "accounts",
    params(("token" = String, Path, description = "Token from the activation link.")),
    responses(
        (status = 200, description = "The link is valid.", body = ActivationInfo),
        (status = 404, description = "Unknown or already used link (`link_invalid`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Expired link (`link_expired`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/activations/{token}")]
pub async fn activation_info(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<web::Json<ActivationInfo>> {
    let token = token.into_inner();
    let info = state
        .run(move |conn| service::activation_info(conn, &token))
        .await?;
    Ok(web::Json(info))
}

/// "Valider et accéder à votre compte": sets login and password, and logs the person in.
#[utoipa::path(
    operation_id = "activate_account",
    tag = "accounts",
    params(("token" = String, Path, description = "Token from the activation link.")),
    request_body = ActivationRequest,
    responses(
        (status = 200, description = "Account activated; the person is logged in (refresh token delivered as for login).", body = Session),
        (status = 404, description = "Unknown or already used link (`link_invalid`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Login already taken (`login_taken`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Expired link (`link_expired`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid login or password not following the rules.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/activations/{token}")]
pub async fn activate(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: ValidJson<ActivationRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let token = token.into_inner();
    let (probe, login) = (token.clone(), body.login.clone());
    let login = state
        .run(move |conn| service::check_activation(conn, &probe, &login))
        .await?;
    let hash = crate::areas::auth::checks::new_password_hash(&state, body.password).await?;
    let jwt = state.jwt.clone();
    let session = state
        .run(move |conn| service::activate(conn, &jwt, &token, &login, &hash))
        .await?;
    let (delivery, secure) = (body.refresh_token_delivery, state.settings.serves_https());
    Ok(refresh_cookie::respond(session, delivery, secure))
}
