//! Files attached to messages: uploaded first (each account keeps a few unsent), sent
//! with a message, read by the household and agents; an agent files a family's
//! attachment as one of the request's documents.

use chrono::{NaiveDate, NaiveDateTime};
use domain::document::UploadFields;
use domain::document::{Document, DocumentConcern};
use domain::ids::{AccountId, AttachmentId};
use domain::message::{Attachment, MessageSender};

use super::views;
use crate::areas::agent::service::sent;
use crate::areas::documents::incoming::Stored;
use crate::areas::documents::service::{self as documents, Slot};
use crate::areas::documents::{requirements, views as document_views};
use crate::areas::profile::service::holder;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult, ErrorKind};

/// Attachments an account may have uploaded and not sent yet.
pub const MAX_UNSENT: i64 = 10;

/// Largest attachment, in bytes.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Refuses a new upload while the account already has [`MAX_UNSENT`] waiting.
pub fn room(conn: &mut db::Conn, account: AccountId) -> ApiResult<()> {
    if db::attachments::unsent(conn, account)? >= MAX_UNSENT {
        Err(ApiError::new(
            ErrorKind::Conflict,
            "too_many_unsent_attachments",
        ))
    } else {
        Ok(())
    }
}

/// Records a stored file as the account's unsent attachment.
pub fn record(
    conn: &mut db::Conn,
    account: AccountId,
    stored: &Stored,
    now: NaiveDateTime,
) -> ApiResult<Attachment> {
    db::transaction(conn, |conn| {
        room(conn, account)?;
        let fallback = format!("piece-jointe.{}", stored.kind.extension());
        let id = db::attachments::insert(
            conn,
            &db::attachments::NewAttachment {
                uploaded_by: account,
                file_name: stored.file_name.as_deref().unwrap_or(&fallback),
                file_kind: stored.kind,
                object_key: &stored.key,
                size_bytes: i64::try_from(stored.size).map_err(ApiError::internal)?,
                sha256: &stored.sha256,
                uploaded_at: now,
            },
        )?;
        let row = db::attachments::find(conn, id)?.ok_or_else(ApiError::not_found)?;
        Ok(views::attachment(&row))
    })
}

/// An attachment the family may read: sent on one of its requests, or its own unsent.
pub fn own(
    conn: &mut db::Conn,
    account: AccountId,
    id: AttachmentId,
) -> ApiResult<db::attachments::AttachmentRow> {
    let (_, household) = holder(conn, account)?;
    let row = db::attachments::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    let visible = match row.message_id {
        None => row.uploaded_by == account,
        Some(message) => {
            let message = db::messages::find(conn, message)?.ok_or_else(ApiError::not_found)?;
            db::requests::find(conn, message.request_id)?
                .is_some_and(|r| r.household_id == household)
        }
    };
    if visible {
        Ok(row)
    } else {
        Err(ApiError::not_found())
    }
}

/// An attachment an agent may read: sent on a request, or the agent's own unsent.
pub fn for_agent(
    conn: &mut db::Conn,
    agent: AccountId,
    id: AttachmentId,
) -> ApiResult<db::attachments::AttachmentRow> {
    let row = db::attachments::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    match row.message_id {
        None if row.uploaded_by == agent => Ok(row),
        None => Err(ApiError::not_found()),
        Some(message) => {
            let message = db::messages::find(conn, message)?.ok_or_else(ApiError::not_found)?;
            sent(conn, message.request_id)?;
            Ok(row)
        }
    }
}

/// What filing an attachment needs: the attachment and the slot it fills, checked
/// before its file is copied.
pub struct Filing {
    pub attachment: db::attachments::AttachmentRow,
    pub slot: Slot,
}

/// Checks that a family's attachment can become the document `fields` names: a
/// document its request needs, of an accepted format and size.
pub fn filing(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: AttachmentId,
    fields: &UploadFields,
    today: NaiveDate,
) -> ApiResult<Filing> {
    let attachment = for_agent(conn, agent, id)?;
    let message = match attachment.message_id {
        Some(m) => db::messages::find(conn, m)?.ok_or_else(ApiError::not_found)?,
        None => {
            return Err(ApiError::new(
                ErrorKind::Conflict,
                "not_a_family_attachment",
            ))
        }
    };
    if message.sender != MessageSender::Family {
        return Err(ApiError::new(
            ErrorKind::Conflict,
            "not_a_family_attachment",
        ));
    }
    if attachment.filed_document_id.is_some() {
        return Err(ApiError::new(ErrorKind::Conflict, "already_filed"));
    }
    let request = sent(conn, message.request_id)?;
    let document_type = document_views::document_type(settings, &fields.document_type)
        .cloned()
        .ok_or_else(|| ApiError::field("document_type", "unknown_document_type"))?;
    let needed = requirements::of_request(conn, settings, &request, today)?;
    let mut lines = needed
        .iter()
        .filter(|l| l.document_type == document_type.slug)
        .filter(|l| fields.person_id.is_none() || l.person_id == fields.person_id);
    let line = match (lines.next(), lines.next()) {
        (Some(line), None) => line,
        (Some(_), Some(_)) => return Err(ApiError::field("person_id", "required")),
        (None, _) => return Err(ApiError::field("document_type", "not_required")),
    };
    if document_type.concern == DocumentConcern::Household && fields.person_id.is_some() {
        return Err(ApiError::field("person_id", "not_expected"));
    }
    if !document_type.formats.contains(&attachment.file_kind) {
        return Err(ApiError::field("document_type", "unsupported_file_type"));
    }
    if u64::try_from(attachment.size_bytes).unwrap_or(u64::MAX) > document_type.max_bytes() {
        return Err(ApiError::field("document_type", "file_too_large"));
    }
    let document_date = documents::document_date(&document_type, fields.document_date, today)?;
    Ok(Filing {
        slot: Slot {
            household: request.household_id,
            person: line.person_id,
            request: line.request_id,
            document_type,
            document_date,
        },
        attachment,
    })
}

/// Records the copied file as the family's document, waiting for validation, and the
/// attachment as filed (once: a second agent gets `already_filed`).
pub fn file(
    conn: &mut db::Conn,
    settings: &Settings,
    filing: &Filing,
    copy: &Stored,
    now: NaiveDateTime,
) -> ApiResult<Document> {
    db::transaction(conn, |conn| {
        let uploader = filing.attachment.uploaded_by;
        let document = documents::record_in(conn, settings, uploader, &filing.slot, copy, now)?;
        if db::attachments::file_as(conn, filing.attachment.id, document.id)? == 0 {
            return Err(ApiError::new(ErrorKind::Conflict, "already_filed"));
        }
        Ok(document)
    })
}
