//! Files attached to messages. An attachment is uploaded first and belongs to its
//! uploader until it is sent with a message; one never sent is forgotten.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::document::FileKind;
use domain::ids::{AccountId, AttachmentId, DocumentId, MessageId};

use crate::schema::message_attachments;
use crate::Conn;

#[derive(Debug, Insertable)]
#[diesel(table_name = message_attachments)]
pub struct NewAttachment<'a> {
    pub uploaded_by: AccountId,
    pub file_name: &'a str,
    pub file_kind: FileKind,
    pub object_key: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub uploaded_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = message_attachments)]
pub struct AttachmentRow {
    pub id: AttachmentId,
    pub message_id: Option<MessageId>,
    pub uploaded_by: AccountId,
    pub file_name: String,
    pub file_kind: FileKind,
    pub object_key: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: NaiveDateTime,
    pub filed_document_id: Option<DocumentId>,
}

pub fn insert(conn: &mut Conn, new: &NewAttachment) -> QueryResult<AttachmentId> {
    diesel::insert_into(message_attachments::table)
        .values(new)
        .returning(message_attachments::id)
        .get_result(conn)
}

pub fn find(conn: &mut Conn, id: AttachmentId) -> QueryResult<Option<AttachmentRow>> {
    message_attachments::table
        .find(id)
        .select(AttachmentRow::as_select())
        .first(conn)
        .optional()
}

/// The account's attachments not sent yet.
pub fn unsent(conn: &mut Conn, account: AccountId) -> QueryResult<i64> {
    message_attachments::table
        .filter(message_attachments::uploaded_by.eq(account))
        .filter(message_attachments::message_id.is_null())
        .count()
        .get_result(conn)
}

/// Sends the account's unsent attachments `ids` with `message`: how many it took (fewer
/// than asked when one is someone else's or already sent).
pub fn send(
    conn: &mut Conn,
    ids: &[AttachmentId],
    account: AccountId,
    message: MessageId,
) -> QueryResult<usize> {
    diesel::update(
        message_attachments::table
            .filter(message_attachments::id.eq_any(ids))
            .filter(message_attachments::uploaded_by.eq(account))
            .filter(message_attachments::message_id.is_null()),
    )
    .set(message_attachments::message_id.eq(message))
    .execute(conn)
}

/// The attachments of these messages, in upload order.
pub fn of_messages(conn: &mut Conn, messages: &[MessageId]) -> QueryResult<Vec<AttachmentRow>> {
    message_attachments::table
        .filter(message_attachments::message_id.eq_any(messages))
        .order(message_attachments::id.asc())
        .select(AttachmentRow::as_select())
        .load(conn)
}

/// Records the document an attachment became: 0 when it already was filed.
pub fn file_as(conn: &mut Conn, id: AttachmentId, document: DocumentId) -> QueryResult<usize> {
    diesel::update(
        message_attachments::table
            .find(id)
            .filter(message_attachments::filed_document_id.is_null()),
    )
    .set(message_attachments::filed_document_id.eq(document))
    .execute(conn)
}

/// Forgets attachments uploaded before `before` and never sent (their files are then
/// swept with the other orphans).
pub fn purge_unsent(conn: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        message_attachments::table
            .filter(message_attachments::message_id.is_null())
            .filter(message_attachments::uploaded_at.lt(before)),
    )
    .execute(conn)
}

/// Which of these stored objects belong to an attachment (the sweep keeps those).
pub fn known_keys(conn: &mut Conn, keys: &[String]) -> QueryResult<Vec<String>> {
    message_attachments::table
        .filter(message_attachments::object_key.eq_any(keys))
        .select(message_attachments::object_key)
        .load(conn)
}
