use actix_web::{post, web, HttpResponse};
use domain::captcha::{ImageCaptcha, PowCaptcha};

use super::service;
use crate::error::{ApiError, ApiResult};
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
