//! Captcha challenges as the API hands them out.

use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use validator::Validate;

text_enum! {
    /// How a captcha challenge is solved.
    pub enum CaptchaKind {
        /// Characters to copy from an image.
        Image = "image",
        /// A proof of work the browser computes.
        Pow = "pow",
    }
}

/// "Recopiez les caractères de l'image": a new image challenge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": "b3k9x2", "image": "data:image/png;base64,iVBORw0KGgo=", "length": 5})))]
pub struct ImageCaptcha {
    /// Identifier to send back with the answer.
    pub id: String,
    /// The image, as a `data:image/png;base64,...` URL.
    pub image: String,
    /// How many characters the image shows.
    pub length: u32,
}

/// The accessible alternative: a proof-of-work the browser solves by itself.
/// Find `n` in `0..=max_number` such that `hex(sha256(salt + decimal(n))) == challenge`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": "c7m2q8", "algorithm": "SHA-256", "salt": "5f1c9a0e3b7d2c4a6e8f0b1d", "challenge": "9b74c9897bac770ffc029102a200c5de4c1b6c2f7a8e0d3b5c1f2e4a6d8b0c9e", "max_number": 200000})))]
pub struct PowCaptcha {
    pub id: String,
    /// Always `SHA-256`.
    pub algorithm: String,
    pub salt: String,
    pub challenge: String,
    pub max_number: u64,
}

/// The answer to a captcha: the characters read from the image, or the number found
/// for a proof-of-work challenge (in decimal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"id": "b3k9x2", "answer": "4127"})))]
pub struct CaptchaAnswer {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    #[validate(length(min = 1, max = 64, code = "required"))]
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 32))]
    #[validate(length(min = 1, max = 32, code = "required"))]
    pub answer: String,
}
