//! Captcha challenges are stored and answered once, right or wrong.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use captcha::filters::{Noise, Wave};
use chrono::TimeDelta;
use domain::captcha::CaptchaKind;
use domain::captcha::{CaptchaAnswer, ImageCaptcha, PowCaptcha};
use rand::Rng;

use crate::error::{ApiError, ApiResult};
use crate::security::tokens;
use crate::state::AppState;

const VALIDITY_MINUTES: i64 = 10;
const IMAGE_LENGTH: u32 = 5;

pub async fn new_image(state: &AppState) -> ApiResult<ImageCaptcha> {
    let (answer, png) = tokio::task::spawn_blocking(|| {
        let mut c = captcha::Captcha::new();
        c.add_chars(IMAGE_LENGTH)
            .apply_filter(Noise::new(0.2))
            .apply_filter(Wave::new(2.0, 12.0))
            .view(220, 90);
        (c.chars_as_string(), c.as_png())
    })
    .await
    .map_err(ApiError::internal)?;
    let png = png.ok_or_else(|| ApiError::internal("captcha image could not be encoded"))?;
    let id = tokens::short_id();
    store(
        state,
        id.clone(),
        CaptchaKind::Image,
        answer.to_lowercase(),
        None,
    )
    .await?;
    Ok(ImageCaptcha {
        id,
        image: format!("data:image/png;base64,{}", STANDARD.encode(png)),
        length: IMAGE_LENGTH,
    })
}

pub async fn new_pow(state: &AppState) -> ApiResult<PowCaptcha> {
    let max_number = state.settings.captcha_pow_max_number.max(1);
    let (salt, secret) = {
        let mut rng = rand::thread_rng();
        (
            hex::encode(rng.gen::<[u8; 12]>()),
            rng.gen_range(0..=max_number),
        )
    };
    let challenge = domain::pow::digest(&salt, secret);
    let id = tokens::short_id();
    store(
        state,
        id.clone(),
        CaptchaKind::Pow,
        challenge.clone(),
        Some(salt.clone()),
    )
    .await?;
    Ok(PowCaptcha {
        id,
        algorithm: "SHA-256".into(),
        salt,
        challenge,
        max_number,
    })
}

async fn store(
    state: &AppState,
    id: String,
    kind: CaptchaKind,
    answer: String,
    salt: Option<String>,
) -> ApiResult<()> {
    db::run(&state.pool, move |conn| -> ApiResult<()> {
        let now = db::now();
        db::captcha::purge(conn, now - TimeDelta::hours(1))?;
        db::captcha::insert(
            conn,
            &db::captcha::NewChallenge {
                public_id: &id,
                kind,
                answer: &answer,
                salt: salt.as_deref(),
                expires_at: now + TimeDelta::minutes(VALIDITY_MINUTES),
                created_at: now,
            },
        )?;
        Ok(())
    })
    .await
}

/// Checks an answer. The challenge is spent either way: call this outside any other
/// transaction, so that spending it is committed even when the answer is wrong.
pub fn verify(conn: &mut db::Conn, answer: &CaptchaAnswer) -> ApiResult<()> {
    let taken = db::transaction(conn, |c| db::captcha::take(c, &answer.id, db::now()))?;
    let Some(challenge) = taken else {
        return Err(ApiError::field("captcha.answer", "captcha_expired"));
    };
    let given = answer.answer.trim();
    let correct = match challenge.kind {
        CaptchaKind::Pow => given.parse::<u64>().is_ok_and(|n| {
            domain::pow::verify(
                challenge.salt.as_deref().unwrap_or(""),
                &challenge.answer,
                n,
            )
        }),
        _ => given.to_lowercase() == challenge.answer,
    };
    if correct {
        Ok(())
    } else {
        Err(ApiError::field("captcha.answer", "captcha_invalid"))
    }
}
