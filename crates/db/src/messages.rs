//! Messages on requests. The family reads the town hall's messages on its own requests;
//! agents read every family's replies.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::{AccountId, HouseholdId, MessageId, RequestId};
use domain::message::MessageSender;

use crate::schema::{messages, requests};
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = messages)]
pub struct MessageRow {
    pub id: MessageId,
    pub request_id: RequestId,
    pub sender: MessageSender,
    pub author_account_id: Option<AccountId>,
    pub subject: String,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
}

pub fn insert(
    conn: &mut Conn,
    request_id: RequestId,
    sender: MessageSender,
    author: Option<AccountId>,
    subject: &str,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<MessageId> {
    diesel::insert_into(messages::table)
        .values((
            messages::request_id.eq(request_id),
            messages::sender.eq(sender),
            messages::author_account_id.eq(author),
            messages::subject.eq(subject),
            messages::body.eq(body),
            messages::created_at.eq(now),
        ))
        .returning(messages::id)
        .get_result(conn)
}

pub fn find(conn: &mut Conn, id: MessageId) -> QueryResult<Option<MessageRow>> {
    messages::table
        .find(id)
        .select(MessageRow::as_select())
        .first(conn)
        .optional()
}

/// Every message on the household's requests, latest first.
pub fn of_household(conn: &mut Conn, household: HouseholdId) -> QueryResult<Vec<MessageRow>> {
    messages::table
        .inner_join(requests::table)
        .filter(requests::household_id.eq(household))
        .order((messages::created_at.desc(), messages::id.desc()))
        .select(MessageRow::as_select())
        .load(conn)
}

/// The conversation on one request, oldest first.
pub fn of_request(conn: &mut Conn, request: RequestId) -> QueryResult<Vec<MessageRow>> {
    messages::table
        .filter(messages::request_id.eq(request))
        .order((messages::created_at.asc(), messages::id.asc()))
        .select(MessageRow::as_select())
        .load(conn)
}

/// Messages from `sender` not yet opened, on the household's requests.
pub fn unread_in_household(
    conn: &mut Conn,
    household: HouseholdId,
    sender: MessageSender,
) -> QueryResult<i64> {
    messages::table
        .inner_join(requests::table)
        .filter(requests::household_id.eq(household))
        .filter(messages::sender.eq(sender))
        .filter(messages::read_at.is_null())
        .count()
        .get_result(conn)
}

/// Unread messages from `sender`, per request, among `requests`.
pub fn unread_by_request(
    conn: &mut Conn,
    among: &[RequestId],
    sender: MessageSender,
) -> QueryResult<Vec<(RequestId, i64)>> {
    messages::table
        .filter(messages::request_id.eq_any(among))
        .filter(messages::sender.eq(sender))
        .filter(messages::read_at.is_null())
        .group_by(messages::request_id)
        .select((messages::request_id, diesel::dsl::count_star()))
        .load(conn)
}

/// The recipient opened the message (once: the first time counts).
pub fn mark_read(conn: &mut Conn, id: MessageId, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(messages::table.find(id).filter(messages::read_at.is_null()))
        .set(messages::read_at.eq(now))
        .execute(conn)
}
