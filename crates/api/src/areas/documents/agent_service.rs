//! The agents' side: the queue of documents to look at, "Valider" (with the last day of
//! validity, computed from the type unless the agent sets it) and "Refuser" (with the
//! reason the family is mailed).

use chrono::{NaiveDate, NaiveDateTime};
use domain::document::{Document, DocumentFilter, DocumentPage, DocumentStatus, Validation};
use domain::ids::{AccountId, DocumentId};
use domain::message::MessageSender;
use domain::request::AgentNote;
use domain::staff::HealthAccessContext;

use super::requirements;
use super::views::{self, Names};
use crate::areas::agent::health;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult, ErrorKind};
use crate::mail::{self, templates};

const PER_PAGE: u32 = 25;

pub fn queue(
    conn: &mut db::Conn,
    settings: &Settings,
    filter: &DocumentFilter,
) -> ApiResult<DocumentPage> {
    let page = filter.page.unwrap_or(1).max(1);
    let postal_code = filter.postal_code.as_deref().map(str::trim);
    if postal_code.is_some_and(|c| c.len() != 5 || !c.bytes().all(|b| b.is_ascii_digit())) {
        return Err(ApiError::new(ErrorKind::BadRequest, "invalid_query")
            .with_detail("postal_code: 5 chiffres (ex. : 59920)"));
    }
    let search = db::documents::Queue {
        postal_code: postal_code.map(str::to_string),
        status: Some(filter.status.unwrap_or(DocumentStatus::Pending)),
        document_type: filter.document_type.clone(),
        from: filter.from.map(crate::town_clock::midnight),
        until: filter
            .to
            .and_then(|d| d.succ_opt())
            .map(crate::town_clock::midnight),
    };
    let offset = i64::from(page - 1) * i64::from(PER_PAGE);
    let (rows, total) = db::documents::queue(conn, &search, offset, i64::from(PER_PAGE))?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let names = Names::of(conn, row.household_id)?;
        items.push(views::document(settings, &names, row));
    }
    Ok(DocumentPage {
        items,
        total,
        page,
        per_page: PER_PAGE,
    })
}

pub fn find(conn: &mut db::Conn, id: DocumentId) -> ApiResult<db::documents::DocumentRow> {
    db::documents::find(conn, id)?.ok_or_else(ApiError::not_found)
}

fn is_health(settings: &Settings, row: &db::documents::DocumentRow) -> bool {
    views::document_type(settings, &row.document_type).is_some_and(|t| t.health)
}

/// A document this agent may review: one that is health information only with the health
/// permission (403 `health_permission_required`).
fn reviewable(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: DocumentId,
) -> ApiResult<db::documents::DocumentRow> {
    let row = find(conn, id)?;
    if is_health(settings, &row) {
        health::require(conn, agent)?;
    }
    Ok(row)
}

/// A document whose file this agent opens: the opening of a health document is logged.
pub fn to_open(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: DocumentId,
) -> ApiResult<db::documents::DocumentRow> {
    let row = reviewable(conn, settings, agent, id)?;
    if is_health(settings, &row) {
        db::health::log_access(
            conn,
            agent,
            row.household_id,
            row.request_id,
            HealthAccessContext::Document,
            db::now(),
        )?;
    }
    Ok(row)
}

fn view(conn: &mut db::Conn, settings: &Settings, id: DocumentId) -> ApiResult<Document> {
    let row = find(conn, id)?;
    let names = Names::of(conn, row.household_id)?;
    Ok(views::document(settings, &names, &row))
}

fn already_reviewed() -> ApiError {
    ApiError::new(ErrorKind::Conflict, "already_reviewed")
}

pub fn validate(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: DocumentId,
    body: &Validation,
    today: NaiveDate,
    now: NaiveDateTime,
) -> ApiResult<Document> {
    db::transaction(conn, |conn| {
        let row = reviewable(conn, settings, agent, id)?;
        let computed = views::document_type(settings, &row.document_type)
            .and_then(|t| t.validity.until(row.document_date.unwrap_or(today)));
        let valid_until = body.valid_until.or(computed);
        if valid_until.is_some_and(|d| d < today) {
            return Err(ApiError::field("valid_until", "date_in_past"));
        }
        let changed = db::documents::review(
            conn,
            id,
            DocumentStatus::Valid,
            valid_until,
            None,
            agent,
            now,
        )?;
        if changed == 0 {
            return Err(already_reviewed());
        }
        view(conn, settings, id)
    })
}

pub fn refuse(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: DocumentId,
    note: &AgentNote,
    today: NaiveDate,
    now: NaiveDateTime,
) -> ApiResult<Document> {
    db::transaction(conn, |conn| {
        let row = reviewable(conn, settings, agent, id)?;
        let reason = note.text.trim();
        let changed = db::documents::review(
            conn,
            id,
            DocumentStatus::Refused,
            None,
            Some(reason),
            agent,
            now,
        )?;
        if changed == 0 {
            return Err(already_reviewed());
        }
        let document = view(conn, settings, id)?;
        let family = db::accounts::find(conn, row.uploaded_by)?.ok_or_else(ApiError::not_found)?;
        let what = format!("{} de {}", document.type_name, document.concerned);
        // The manuals' message, on the first request that needs the document.
        let needing = requirements::of_household(conn, settings, row.household_id, None, today)?
            .into_iter()
            .find(|l| {
                l.document_type == row.document_type
                    && l.person_id == row.person_id
                    && (row.person_id.is_some() || l.request_id == row.request_id)
            })
            .and_then(|l| l.requests.first().map(|r| r.id));
        if let Some(request) = needing {
            db::messages::insert(
                conn,
                request,
                MessageSender::TownHall,
                Some(agent),
                "Un justificatif fourni a été refusé",
                &format!("Le justificatif « {what} » a été refusé.\n\nMotif : {reason}\n\nVous pouvez en déposer un autre dans « Mes justificatifs à fournir »."),
                now,
            )?;
        }
        mail::queue(
            conn,
            &templates::document_refused(settings, &family.email, &what, reason),
        )?;
        Ok(document)
    })
}
