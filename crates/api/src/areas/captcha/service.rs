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

const VALIDITY_MINUTES: i64 = 10;
const IMAGE_LENGTH: u32 = 5;

/// Draws a new image challenge: its answer and the PNG. CPU work, no connection: the
/// handler runs it on the blocking pool.
pub fn render_image() -> ApiResult<(String, Vec<u8>)> {
    let mut c = captcha::Captcha::new();
    c.add_chars(IMAGE_LENGTH)
        .apply_filter(Noise::new(0.2))
        .apply_filter(Wave::new(2.0, 12.0))
        .view(220, 90);
    let png = c
        .as_png()
        .ok_or_else(|| ApiError::internal("captcha image could not be encoded"))?;
    Ok((c.chars_as_string(), png))
}

/// Stores a drawn image challenge.
pub fn new_image(conn: &mut db::Conn, answer: &str, png: &[u8]) -> ApiResult<ImageCaptcha> {
    let id = tokens::short_id();
    store(conn, &id, CaptchaKind::Image, &answer.to_lowercase(), None)?;
    Ok(ImageCaptcha {
        id,
        image: format!("data:image/png;base64,{}", STANDARD.encode(png)),
        length: IMAGE_LENGTH,
    })
}

/// A new proof-of-work challenge, the secret between 0 and `max_number`.
pub fn new_pow(conn: &mut db::Conn, max_number: u64) -> ApiResult<PowCaptcha> {
    let max_number = max_number.max(1);
    let (salt, secret) = {
        let mut rng = rand::thread_rng();
        (
            hex::encode(rng.gen::<[u8; 12]>()),
            rng.gen_range(0..=max_number),
        )
    };
    let challenge = domain::pow::digest(&salt, secret);
    let id = tokens::short_id();
    store(conn, &id, CaptchaKind::Pow, &challenge, Some(&salt))?;
    Ok(PowCaptcha {
        id,
        algorithm: "SHA-256".into(),
        salt,
        challenge,
        max_number,
    })
}

fn store(
    conn: &mut db::Conn,
    id: &str,
    kind: CaptchaKind,
    answer: &str,
    salt: Option<&str>,
) -> ApiResult<()> {
    let now = db::now();
    db::captcha::purge(conn, now - TimeDelta::hours(1))?;
    db::captcha::insert(
        conn,
        &db::captcha::NewChallenge {
            public_id: id,
            kind,
            answer,
            salt,
            expires_at: now + TimeDelta::minutes(VALIDITY_MINUTES),
            created_at: now,
        },
    )?;
    Ok(())
}

/// Checks an answer. The challenge is spent either way: call this outside any other
/// transaction, so that spending it is committed even when the answer is wrong.
pub fn verify(conn: &mut db::Conn, answer: &CaptchaAnswer) -> ApiResult<()> {
    let taken = db::transaction(conn, |c| db::captcha::take(c, &answer.id, db::now()))?;
    let Some(challenge) = taken else {
        return Err(ApiError::field("captcha.answer", "captcha_expired"));
    };
    if solves(&challenge, &answer.answer) {
        Ok(())
    } else {
        Err(ApiError::field("captcha.answer", "captcha_invalid"))
    }
}

/// Checks an answer before the form is sent ("Suivant" of the registration form), so
/// that a mistake is shown where it was typed. A right answer leaves the challenge for
/// the registration; a wrong one spends it, as [`verify`] would.
pub fn check(conn: &mut db::Conn, answer: &CaptchaAnswer) -> ApiResult<()> {
    db::transaction(conn, |conn| {
        let now = db::now();
        let Some(challenge) = db::captcha::find_live(conn, &answer.id, now)? else {
            return Ok(Err(ApiError::field("captcha.answer", "captcha_expired")));
        };
        if solves(&challenge, &answer.answer) {
            return Ok(Ok(()));
        }
        db::captcha::spend(conn, challenge.id, now)?;
        Ok::<_, ApiError>(Err(ApiError::field("captcha.answer", "captcha_invalid")))
    })?
}

fn solves(challenge: &db::captcha::ChallengeRow, given: &str) -> bool {
    let given = given.trim();
    match challenge.kind {
        CaptchaKind::Pow => given.parse::<u64>().is_ok_and(|n| {
            domain::pow::verify(
                challenge.salt.as_deref().unwrap_or(""),
                &challenge.answer,
                n,
            )
        }),
        CaptchaKind::Image => given.to_lowercase() == challenge.answer,
    }
}
