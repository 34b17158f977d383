//! Message rows to the API's `Message`: the request they belong to, and the author's
//! name as the other side reads it (the commune for the town hall, the holder for the
//! family), and the files attached.

use std::collections::HashMap;

use domain::document::RequestRef;
use domain::ids::{MessageId, ProcedureId, RequestId};
use domain::message::{Attachment, Message, MessageSender};

use crate::areas::requests::views::display_name;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};

pub fn messages(
    conn: &mut db::Conn,
    settings: &Settings,
    rows: &[db::messages::MessageRow],
) -> ApiResult<Vec<Message>> {
    let procedures: HashMap<ProcedureId, String> = db::catalogue::all_procedures(conn)?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let mut requests: HashMap<RequestId, (RequestRef, String)> = HashMap::new();
    for row in rows {
        if requests.contains_key(&row.request_id) {
            continue;
        }
        let r = db::requests::find(conn, row.request_id)?.ok_or_else(ApiError::not_found)?;
        let family = db::accounts::names(conn, &[r.account_id])?
            .pop()
            .map(|(_, first, birth)| display_name(&first, &birth))
            .unwrap_or_default();
        let reference = RequestRef {
            id: r.id,
            number: r.number,
            procedure_title: procedures.get(&r.procedure_id).cloned().unwrap_or_default(),
        };
        requests.insert(row.request_id, (reference, family));
    }
    let ids: Vec<MessageId> = rows.iter().map(|r| r.id).collect();
    let mut attachments: HashMap<MessageId, Vec<Attachment>> = HashMap::new();
    for a in db::attachments::of_messages(conn, &ids)? {
        if let Some(message) = a.message_id {
            attachments.entry(message).or_default().push(attachment(&a));
        }
    }
    Ok(rows
        .iter()
        .map(|row| {
            let (request, family) = requests.get(&row.request_id).cloned().unwrap_or_else(|| {
                (
                    RequestRef {
                        id: row.request_id,
                        number: 0,
                        procedure_title: String::new(),
                    },
                    String::new(),
                )
            });
            Message {
                id: row.id,
                request,
                subject: row.subject.clone(),
                body: row.body.clone(),
                sender: row.sender,
                author: match row.sender {
                    MessageSender::TownHall => settings.commune.name().to_string(),
                    MessageSender::Family => family,
                },
                sent_at: row.created_at.and_utc(),
                read_at: row.read_at.map(|at| at.and_utc()),
                attachments: attachments.remove(&row.id).unwrap_or_default(),
            }
        })
        .collect())
}

pub fn one(
    conn: &mut db::Conn,
    settings: &Settings,
    row: &db::messages::MessageRow,
) -> ApiResult<Message> {
    messages(conn, settings, std::slice::from_ref(row))?
        .pop()
        .ok_or_else(ApiError::not_found)
}

pub fn attachment(row: &db::attachments::AttachmentRow) -> Attachment {
    Attachment {
        id: row.id,
        file_name: row.file_name.clone(),
        file_kind: row.file_kind,
        size_bytes: row.size_bytes,
        filed_as: row.filed_document_id,
    }
}
