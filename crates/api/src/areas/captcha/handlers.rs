use actix_web::{post, web, HttpResponse};
use domain::captcha::{CaptchaAnswer, ImageCaptcha, PowCaptcha};
use domain::problem::Problem;

use super::service;
use crate::error::{ApiError, ApiResult};
use crate::extract::ValidJson;
use crate::state::AppState;

/// A new image challenge. Ask again to renew the image.
#[utoipa::path(
    operation_id = "create_image_captcha", tag = "captcha", responses((status = 201, description = "A new challenge, valid 10 minutes.", body = ImageCaptcha)))]
#[post("/captchas/image")]
pub async fn image(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let (answer, png) = web::block(service::render_image)
        .await
        .map_err(ApiError::internal)??;
    let captcha = state
        .run(move |conn| service::new_image(conn, &answer, &png))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(captcha))
}

/// A new proof-of-work challenge: for people who cannot read the image.
#[utoipa::path(
    operation_id = "create_pow_captcha", tag = "captcha", responses((status = 201, description = "A new challenge, valid 10 minutes.", body = PowCaptcha)))]
#[post("/captchas/pow")]
pub async fn pow(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let max_number = state.settings.captcha_pow_max_number;
    let captcha = state
        .run(move |conn| service::new_pow(conn, max_number))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(captcha))
}

/// Checks an answer before the form is sent: a right one stays valid for the
/// registration, a wrong one is spent (ask for a new challenge).
#[utoipa::path(
    operation_id = "check_captcha",
    tag = "captcha",
    request_body = CaptchaAnswer,
    responses(
        (status = 204, description = "The answer is right; send it with the registration."),
        (status = 422, description = "Wrong answer (`captcha_invalid`, the challenge is spent) or unknown, used or expired challenge (`captcha_expired`), on `captcha.answer`.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/captchas/check")]
pub async fn check(
    state: web::Data<AppState>,
    body: ValidJson<CaptchaAnswer>,
) -> ApiResult<HttpResponse> {
    let answer = body.into_inner()?;
    state.run(move |conn| service::check(conn, &answer)).await?;
    Ok(HttpResponse::NoContent().finish())
}
