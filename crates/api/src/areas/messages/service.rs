//! Messages on requests. A family reads and answers the town hall's messages on its own
//! requests; agents write on any sent request and read the families' answers. Opening a
//! message marks it read for its recipient; the sender sees it.

use chrono::NaiveDateTime;
use domain::ids::{AccountId, AttachmentId, MessageId, RequestId};
use domain::message::{Message, MessageSender, NewMessage, Reply, Unread};

use super::views;
use crate::areas::agent::service::sent;
use crate::areas::profile::service::holder;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use crate::mail::{self, templates};

/// The household's messages, latest first ("Échanges").
pub fn list(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
) -> ApiResult<Vec<Message>> {
    let (_, household) = holder(conn, account)?;
    let rows = db::messages::of_household(conn, household)?;
    views::messages(conn, settings, &rows)
}

pub fn unread(conn: &mut db::Conn, account: AccountId) -> ApiResult<Unread> {
    let (_, household) = holder(conn, account)?;
    Ok(Unread {
        unread: db::messages::unread_in_household(conn, household, MessageSender::TownHall)?,
    })
}

/// A message on one of the household's requests (any other is "not found").
fn own(
    conn: &mut db::Conn,
    account: AccountId,
    id: MessageId,
) -> ApiResult<(db::messages::MessageRow, db::requests::RequestRow)> {
    let (_, household) = holder(conn, account)?;
    let message = db::messages::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    let request = db::requests::find(conn, message.request_id)?
        .filter(|r| r.household_id == household)
        .ok_or_else(ApiError::not_found)?;
    Ok((message, request))
}

/// The family opens a message: read, if the town hall wrote it.
pub fn open(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    id: MessageId,
    now: NaiveDateTime,
) -> ApiResult<Message> {
    let (message, _) = own(conn, account, id)?;
    if message.sender == MessageSender::TownHall {
        db::messages::mark_read(conn, id, now)?;
    }
    let row = db::messages::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    views::one(conn, settings, &row)
}

/// The conversation of the message's request, oldest first.
pub fn thread(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    id: MessageId,
) -> ApiResult<Vec<Message>> {
    let (_, request) = own(conn, account, id)?;
    let rows = db::messages::of_request(conn, request.id)?;
    views::messages(conn, settings, &rows)
}

/// The family answers, on the same request.
pub fn reply(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    id: MessageId,
    body: &Reply,
    now: NaiveDateTime,
) -> ApiResult<Message> {
    db::transaction(conn, |conn| {
        let (message, request) = own(conn, account, id)?;
        let subject = if message.subject.starts_with("RE : ") {
            message.subject.clone()
        } else {
            format!("RE : {}", message.subject)
        };
        let subject: String = subject.chars().take(200).collect();
        let new = db::messages::insert(
            conn,
            request.id,
            MessageSender::Family,
            Some(account),
            &subject,
            body.body.trim(),
            now,
        )?;
        send_attachments(conn, &body.attachments, Some(account), new)?;
        let row = db::messages::find(conn, new)?.ok_or_else(ApiError::not_found)?;
        views::one(conn, settings, &row)
    })
}

/// The conversation on a request, for agents; the family's messages become read.
pub fn agent_thread(
    conn: &mut db::Conn,
    settings: &Settings,
    id: RequestId,
    now: NaiveDateTime,
) -> ApiResult<Vec<Message>> {
    let request = sent(conn, id)?;
    let rows = db::messages::of_request(conn, request.id)?;
    for row in rows.iter().filter(|r| r.sender == MessageSender::Family) {
        db::messages::mark_read(conn, row.id, now)?;
    }
    let rows = db::messages::of_request(conn, request.id)?;
    views::messages(conn, settings, &rows)
}

/// An agent writes to the family; the family is mailed a link, not the content.
pub fn write(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: Option<AccountId>,
    id: RequestId,
    message: &NewMessage,
    now: NaiveDateTime,
) -> ApiResult<Message> {
    db::transaction(conn, |conn| {
        let request = sent(conn, id)?;
        let new = db::messages::insert(
            conn,
            request.id,
            MessageSender::TownHall,
            agent,
            message.subject.trim(),
            message.body.trim(),
            now,
        )?;
        send_attachments(conn, &message.attachments, agent, new)?;
        let family =
            db::accounts::find(conn, request.account_id)?.ok_or_else(ApiError::not_found)?;
        mail::queue(conn, &templates::new_message(settings, &family.email))?;
        let row = db::messages::find(conn, new)?.ok_or_else(ApiError::not_found)?;
        views::one(conn, settings, &row)
    })
}

/// The sender's own unsent attachments go with the message; any other id (someone
/// else's, already sent, forgotten) refuses the whole message.
fn send_attachments(
    conn: &mut db::Conn,
    ids: &[AttachmentId],
    sender: Option<AccountId>,
    message: MessageId,
) -> ApiResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let sent = match sender {
        Some(account) => db::attachments::send(conn, &ids, account, message)?,
        None => 0,
    };
    if sent == ids.len() {
        Ok(())
    } else {
        Err(ApiError::field("attachments", "unknown_attachment"))
    }
}
