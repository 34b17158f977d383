//! Request rows to the API's summaries and details; shared by the citizen and agent sides.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDateTime, Utc};
use domain::ids::{AddressId, HouseholdId, PersonId};
use domain::request::form::Answers;
use domain::request::{
    FieldKind, FormDefinition, PersonRef, RequestDetail, RequestSummary, StatusChange,
};

use crate::areas::catalogue::service::procedure_view;
use crate::error::{ApiError, ApiResult};

pub fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// "DUPIN Pascal", as every list of the manuals names people.
pub fn display_name(first: &str, birth: &str) -> String {
    format!("{} {}", birth.to_uppercase(), first)
}

/// Summaries of `rows`, in their order, naming procedures and people in two queries.
pub fn summaries(
    conn: &mut db::Conn,
    rows: &[db::requests::RequestRow],
) -> ApiResult<Vec<RequestSummary>> {
    let procedures: HashMap<_, (String, String)> = db::catalogue::all_procedures(conn)?
        .into_iter()
        .map(|p| (p.id, (p.slug, p.title)))
        .collect();
    let person_ids: Vec<_> = rows.iter().filter_map(|r| r.person_id).collect();
    let people: HashMap<_, String> = db::persons::names(conn, &person_ids)?
        .into_iter()
        .map(|(id, first, birth)| (id, display_name(&first, &birth)))
        .collect();
    let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
    let unread: HashMap<_, i64> =
        db::messages::unread_by_request(conn, &ids, domain::message::MessageSender::Family)?
            .into_iter()
            .collect();
    let account_ids: Vec<_> = rows.iter().map(|r| r.account_id).collect();
    let requesters: HashMap<_, String> = db::accounts::names(conn, &account_ids)?
        .into_iter()
        .map(|(id, first, birth)| (id, display_name(&first, &birth)))
        .collect();
    Ok(rows
        .iter()
        .map(|r| {
            let (procedure, procedure_title) =
                procedures.get(&r.procedure_id).cloned().unwrap_or_default();
            RequestSummary {
                id: r.id,
                number: r.number,
                procedure,
                procedure_title,
                created_at: utc(r.created_at),
                person: r.person_id.and_then(|id| {
                    people.get(&id).map(|name| PersonRef {
                        id,
                        name: name.clone(),
                    })
                }),
                requester: requesters.get(&r.account_id).cloned().unwrap_or_default(),
                unread_from_family: unread.get(&r.id).copied().unwrap_or(0),
                status: r.status,
            }
        })
        .collect())
}

pub fn detail(conn: &mut db::Conn, row: db::requests::RequestRow) -> ApiResult<RequestDetail> {
    let summary = summaries(conn, std::slice::from_ref(&row))?
        .pop()
        .ok_or_else(ApiError::not_found)?;
    let procedure = db::catalogue::find_procedure_by_id(conn, row.procedure_id)?
        .ok_or_else(ApiError::not_found)?;
    let form = procedure_view(procedure, String::new()).form;
    let events = db::requests::events(conn, row.id)?;
    let mut actors: Vec<_> = events.iter().filter_map(|e| e.actor_account_id).collect();
    actors.push(row.account_id);
    let names: HashMap<_, String> = db::accounts::names(conn, &actors)?
        .into_iter()
        .map(|(id, first, birth)| (id, display_name(&first, &birth)))
        .collect();
    let history = events
        .into_iter()
        .map(|e| StatusChange {
            at: utc(e.created_at),
            by: e
                .actor_account_id
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| "La mairie".into()),
            from: e.from_status,
            to: e.to_status,
            comment: e.comment,
        })
        .collect();
    let answers: Answers = serde_json::from_str(&row.answers).map_err(ApiError::internal)?;
    Ok(RequestDetail {
        answer_names: answer_names(conn, row.household_id, &form, &answers)?,
        editable: summary.status.citizen_can_edit(),
        requester: summary.requester.clone(),
        request: summary,
        household_id: row.household_id,
        submitted_at: row.submitted_at.map(utc),
        answers,
        withheld: Vec::new(),
        form,
        history,
        refusal_reason: row.refusal_reason,
    })
}

/// The names of the people and addresses the answers give by id.
fn answer_names(
    conn: &mut db::Conn,
    household: HouseholdId,
    form: &FormDefinition,
    answers: &Answers,
) -> ApiResult<BTreeMap<String, String>> {
    let mut names = BTreeMap::new();
    for field in form.fields() {
        let Some(id) = answers.get(&field.name).and_then(|v| v.as_i64()) else {
            continue;
        };
        let name = match field.kind {
            FieldKind::Child | FieldKind::Adult => db::persons::find(conn, PersonId(id))?
                .map(|p| display_name(&p.first_name, &p.birth_name)),
            FieldKind::Address => {
                let Some(holder) = db::households::holder_of(conn, household)? else {
                    continue;
                };
                db::addresses::list(conn, holder)?
                    .into_iter()
                    .find(|a| a.id == AddressId(id))
                    .map(|a| crate::areas::profile::views::address(a).one_line())
            }
            _ => None,
        };
        if let Some(name) = name {
            names.insert(field.name.clone(), name);
        }
    }
    Ok(names)
}
