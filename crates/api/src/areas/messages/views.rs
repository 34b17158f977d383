//! Message rows to the API's `Message`: the request they belong to, and the author's
//! name as the other side reads it (the commune for the town hall, the holder for the
//! family).

use std::collections::HashMap;

use domain::document::RequestRef;
use domain::ids::{ProcedureId, RequestId};
use domain::message::{Message, MessageSender};

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
