//! Captcha challenges for the account creation form.

use domain::captcha::{ImageCaptcha, PowCaptcha};

use super::client::{self, ApiResult};

pub async fn image() -> ApiResult<ImageCaptcha> {
    client::post_empty("/captchas/image").await
}

pub async fn pow() -> ApiResult<PowCaptcha> {
    client::post_empty("/captchas/pow").await
}
