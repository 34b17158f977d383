//! Captcha challenges for the account creation form.

use domain::captcha::{CaptchaAnswer, ImageCaptcha, PowCaptcha};

use super::client::{self, ApiResult};

pub async fn image() -> ApiResult<ImageCaptcha> {
    client::post_empty("/captchas/image").await
}

pub async fn pow() -> ApiResult<PowCaptcha> {
    client::post_empty("/captchas/pow").await
}

/// Checks a typed answer before the recap; a wrong one is spent (ask for a new image).
pub async fn check(answer: &CaptchaAnswer) -> ApiResult<()> {
    client::post_no_content("/captchas/check", answer).await
}
