//! Which requests a document served: those that needed its type for its person while it
//! was the latest one provided (from its upload to the next one's), during the request's
//! life (from its sending to its closing, or now), and while it was not expired. Closed
//! requests stay: the library keeps that history. A refused document served none.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use domain::document::{DocumentStatus, RequestRef};
use domain::ids::{DocumentId, HouseholdId, RequestId};
use domain::request::RequestStatus;

use super::requirements;
use crate::config::Settings;
use crate::error::ApiResult;

/// When a request was open: sent, then closed or refused (or still open at `now`).
fn life(
    conn: &mut db::Conn,
    request: &db::requests::RequestRow,
    now: NaiveDateTime,
) -> ApiResult<(NaiveDateTime, NaiveDateTime)> {
    let start = request.submitted_at.unwrap_or(request.created_at);
    let end = match request.status {
        RequestStatus::Closed | RequestStatus::Refused => db::requests::events(conn, request.id)?
            .iter()
            .rev()
            .find(|e| e.to_status == request.status)
            .map_or(now, |e| e.created_at),
        _ => now,
    };
    Ok((start, end))
}

/// The requests each of the household's `documents` served, by number.
pub fn used_by(
    conn: &mut db::Conn,
    settings: &Settings,
    household: HouseholdId,
    documents: &[db::documents::DocumentRow],
    now: NaiveDateTime,
) -> ApiResult<HashMap<DocumentId, Vec<RequestRef>>> {
    let requests: Vec<_> = db::requests::list_for_household(conn, household)?
        .into_iter()
        .filter(|r| r.status != RequestStatus::Draft)
        .collect();
    let mut lives: HashMap<RequestId, (NaiveDateTime, NaiveDateTime)> = HashMap::new();
    for r in &requests {
        lives.insert(r.id, life(conn, r, now)?);
    }
    let needs = requirements::needs(conn, settings, household, &requests)?;
    let mut used: HashMap<DocumentId, Vec<RequestRef>> = HashMap::new();
    for ((_, (kind, whom)), refs) in &needs {
        let mut provided: Vec<_> = documents
            .iter()
            .filter(|d| &d.document_type == kind && whom.holds(d))
            .collect();
        provided.sort_by_key(|d| (d.uploaded_at, d.id));
        for (at, d) in provided.iter().enumerate() {
            if d.status == DocumentStatus::Refused {
                continue;
            }
            let replaced = provided.get(at + 1).map(|next| next.uploaded_at);
            let expired = d
                .valid_until
                .and_then(|day| day.succ_opt())
                .map(|day| day.and_time(chrono::NaiveTime::MIN));
            let served = refs.iter().filter(|r| {
                lives.get(&r.id).is_some_and(|&(start, end)| {
                    d.uploaded_at <= end
                        && replaced.is_none_or(|next| next > start)
                        && expired.is_none_or(|over| over > start)
                })
            });
            used.entry(d.id).or_default().extend(served.cloned());
        }
    }
    for refs in used.values_mut() {
        refs.sort_by_key(|r| r.number);
        refs.dedup_by_key(|r| r.id);
    }
    Ok(used)
}
