//! Outgoing e-mail. A mail is written here in the same transaction as the change that
//! causes it; the sender worker delivers it afterwards and retries on failure.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::outbox;
use crate::Conn;

#[derive(Debug, Insertable)]
#[diesel(table_name = outbox)]
pub struct NewMail<'a> {
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub created_at: NaiveDateTime,
    pub next_attempt_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct MailRow {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub attempts: i32,
}

pub fn enqueue(conn: &mut Conn, mail: &NewMail) -> QueryResult<usize> {
    diesel::insert_into(outbox::table)
        .values(mail)
        .execute(conn)
}

/// Claims up to `limit` due mails for this worker until `lease_until`: another instance
/// skips them meanwhile (row locks on PostgreSQL; SQLite has one writer at a time).
/// Call inside a transaction.
pub fn claim_due(
    conn: &mut Conn,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<MailRow>> {
    macro_rules! due {
        () => {
            outbox::table
                .filter(outbox::sent_at.is_null())
                .filter(outbox::next_attempt_at.le(now))
                .order(outbox::id)
                .limit(limit)
                .select(MailRow::as_select())
        };
    }
    let rows: Vec<MailRow> = match conn {
        Conn::Pg(c) => due!().for_update().skip_locked().load(c)?,
        Conn::Sqlite(c) => due!().load(c)?,
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    diesel::update(outbox::table.filter(outbox::id.eq_any(&ids)))
        .set(outbox::next_attempt_at.eq(lease_until))
        .execute(conn)?;
    Ok(rows)
}

pub fn mark_sent(conn: &mut Conn, id: i64, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::sent_at.eq(now),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
}

pub fn mark_failed(
    conn: &mut Conn,
    id: i64,
    error: &str,
    retry_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(error),
            outbox::next_attempt_at.eq(retry_at),
        ))
        .execute(conn)
}

/// How many mails wait to be sent (for the health of the sender).
pub fn pending_count(conn: &mut Conn) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(conn)
}

/// Whether a mail with this subject went (or waits to go) to `recipient` since `since`.
pub fn recently_queued(
    conn: &mut Conn,
    recipient: &str,
    subject: &str,
    since: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        outbox::table
            .filter(outbox::recipient.eq(recipient))
            .filter(outbox::subject.eq(subject))
            .filter(outbox::created_at.ge(since)),
    ))
    .get_result(conn)
}

/// Forgets mails sent before `before` (the cooldowns look back minutes, not weeks).
pub fn purge_sent(conn: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(outbox::table.filter(outbox::sent_at.lt(before))).execute(conn)
}
