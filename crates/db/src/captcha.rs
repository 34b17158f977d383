//! Captcha challenges: each is answered once, before it expires.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use domain::captcha::CaptchaKind;

use crate::schema::captcha_challenges;
use crate::Conn;

#[derive(Debug, Insertable)]
#[diesel(table_name = captcha_challenges)]
pub struct NewChallenge<'a> {
    pub public_id: &'a str,
    pub kind: CaptchaKind,
    pub answer: &'a str,
    pub salt: Option<&'a str>,
    pub expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = captcha_challenges)]
pub struct ChallengeRow {
    pub id: i64,
    pub kind: CaptchaKind,
    pub answer: String,
    pub salt: Option<String>,
    pub expires_at: NaiveDateTime,
}

pub fn insert(conn: &mut Conn, new: &NewChallenge) -> QueryResult<usize> {
    diesel::insert_into(captcha_challenges::table)
        .values(new)
        .execute(conn)
}

/// Takes an unused challenge for checking; it cannot be answered again, right or wrong.
/// `None` when unknown, used or expired.
pub fn take(
    conn: &mut Conn,
    public_id: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<ChallengeRow>> {
    let Some(row) = captcha_challenges::table
        .filter(captcha_challenges::public_id.eq(public_id))
        .filter(captcha_challenges::used_at.is_null())
        .select(ChallengeRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let claimed = diesel::update(
        captcha_challenges::table
            .find(row.id)
            .filter(captcha_challenges::used_at.is_null()),
    )
    .set(captcha_challenges::used_at.eq(now))
    .execute(conn)?;
    Ok((claimed == 1 && row.expires_at > now).then_some(row))
}

/// The unused, unexpired challenge `public_id`, left unused.
pub fn find_live(
    conn: &mut Conn,
    public_id: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<ChallengeRow>> {
    captcha_challenges::table
        .filter(captcha_challenges::public_id.eq(public_id))
        .filter(captcha_challenges::used_at.is_null())
        .filter(captcha_challenges::expires_at.gt(now))
        .select(ChallengeRow::as_select())
        .first(conn)
        .optional()
}

/// Marks a challenge used.
pub fn spend(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(captcha_challenges::table.find(id))
        .set(captcha_challenges::used_at.eq(now))
        .execute(conn)
}

/// Deletes challenges expired before `before`.
pub fn purge(conn: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(captcha_challenges::table.filter(captcha_challenges::expires_at.lt(before)))
        .execute(conn)
}
