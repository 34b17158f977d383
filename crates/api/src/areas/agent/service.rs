//! The agents' side of requests: the inbox, taking a request, commenting, and the
//! decision (accept, applying a personal data change when it is one, or refuse). Each
//! step is recorded in the history and mailed to the citizen.

use domain::ids::{AccountId, PersonId, RequestId};
use domain::request::{RequestDetail, RequestFilter, RequestPage, RequestStatus};

use super::{apply, health};
use crate::areas::requests::service::invalid_transition;
use crate::areas::requests::views;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use crate::mail::{self, templates};

const PER_PAGE: u32 = 25;

pub fn inbox(conn: &mut db::Conn, filter: &RequestFilter) -> ApiResult<RequestPage> {
    validator::Validate::validate(filter)
        .map_err(|e| ApiError::validation(domain::validation::field_errors(&e)))?;
    let procedure_id = match &filter.procedure {
        Some(slug) => Some(
            db::catalogue::find_procedure(conn, slug)?
                .map(|(p, _)| p.id)
                .ok_or_else(|| ApiError::field("procedure", "invalid_value"))?,
        ),
        None => None,
    };
    let search = db::requests::Search {
        status: filter.status,
        procedure_id,
        from: filter.from.map(crate::town_clock::midnight),
        to: filter
            .to
            .and_then(|d| d.succ_opt())
            .map(crate::town_clock::midnight),
        person: filter
            .person
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string),
    };
    let page = filter.page.unwrap_or(1).max(1);
    let per_page = filter.per_page.unwrap_or(PER_PAGE).clamp(1, 100);
    let offset = i64::from(page - 1) * i64::from(per_page);
    let (rows, total) = db::requests::search(conn, &search, offset, i64::from(per_page))?;
    Ok(RequestPage {
        items: views::summaries(conn, &rows)?,
        total,
        page,
        per_page,
    })
}

/// Any request but a draft (drafts belong to the citizen until sent).
pub fn sent(conn: &mut db::Conn, id: RequestId) -> ApiResult<db::requests::RequestRow> {
    db::requests::find(conn, id)?
        .filter(|r| r.status != RequestStatus::Draft)
        .ok_or_else(ApiError::not_found)
}

pub fn detail(conn: &mut db::Conn, agent: AccountId, id: RequestId) -> ApiResult<RequestDetail> {
    let row = sent(conn, id)?;
    health::request_detail(conn, agent, row)
}

/// A status change by an agent, with its side effects; shared by take, accept, refuse.
struct Transition<'a> {
    to: RequestStatus,
    comment: Option<&'a str>,
    fields: db::requests::StatusFields,
    news: String,
}

fn move_request(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: RequestId,
    from: RequestStatus,
    transition: Transition,
    apply: impl FnOnce(&mut db::Conn, &db::requests::RequestRow) -> ApiResult<()>,
) -> ApiResult<RequestDetail> {
    db::transaction(conn, |conn| {
        let row = sent(conn, id)?;
        if row.status != from || !from.can_become(transition.to) {
            return Err(invalid_transition());
        }
        let now = db::now();
        let to = transition.to;
        if db::requests::change_status(conn, id, from, to, &transition.fields, now)? != 1 {
            return Err(invalid_transition());
        }
        db::requests::add_event(
            conn,
            id,
            Some(agent),
            Some(from),
            to,
            transition.comment,
            now,
        )?;
        apply(conn, &row)?;
        notify(conn, settings, &row, &transition.news)?;
        let row = sent(conn, id)?;
        health::request_detail(conn, agent, row)
    })
}

fn notify(
    conn: &mut db::Conn,
    settings: &Settings,
    row: &db::requests::RequestRow,
    news: &str,
) -> ApiResult<()> {
    let account = db::accounts::find(conn, row.account_id)?.ok_or_else(ApiError::not_found)?;
    let procedure = db::catalogue::find_procedure_by_id(conn, row.procedure_id)?
        .ok_or_else(ApiError::not_found)?;
    mail::queue(
        conn,
        &templates::request_update(settings, &account.email, row.number, &procedure.title, news),
    )?;
    Ok(())
}

/// "Prendre en charge": Enregistrée -> En traitement; the citizen can no longer edit it.
pub fn take(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: RequestId,
) -> ApiResult<RequestDetail> {
    let transition = Transition {
        to: RequestStatus::InProgress,
        comment: None,
        fields: db::requests::StatusFields {
            agent_account_id: Some(agent),
            ..Default::default()
        },
        news: "Elle est maintenant en cours de traitement par les services de la mairie.".into(),
    };
    move_request(
        conn,
        settings,
        agent,
        id,
        RequestStatus::Submitted,
        transition,
        |_, _| Ok(()),
    )
}

/// A comment in the history, mailed to the citizen; the status does not change.
pub fn comment(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: RequestId,
    text: &str,
) -> ApiResult<RequestDetail> {
    db::transaction(conn, |conn| {
        let row = sent(conn, id)?;
        let status = row.status;
        db::requests::add_event(
            conn,
            id,
            Some(agent),
            Some(status),
            status,
            Some(text.trim()),
            db::now(),
        )?;
        notify(
            conn,
            settings,
            &row,
            &format!("Message de la mairie :\n\n{}", text.trim()),
        )?;
        health::request_detail(conn, agent, row)
    })
}

/// Clos: the request is granted; a personal data update is applied to the person.
pub fn accept(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: RequestId,
    comment: Option<&str>,
) -> ApiResult<RequestDetail> {
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    let news = match comment {
        Some(c) => format!("Elle a été acceptée et close.\n\nMessage de la mairie :\n\n{c}"),
        None => "Elle a été acceptée et close.".into(),
    };
    let transition = Transition {
        to: RequestStatus::Closed,
        comment,
        fields: db::requests::StatusFields {
            closed_at: Some(db::now()),
            ..Default::default()
        },
        news,
    };
    move_request(
        conn,
        settings,
        agent,
        id,
        RequestStatus::InProgress,
        transition,
        apply::accepted,
    )
}

/// Refusée, with the reason the citizen reads.
pub fn refuse(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: RequestId,
    reason: &str,
) -> ApiResult<RequestDetail> {
    let reason = reason.trim();
    let transition = Transition {
        to: RequestStatus::Refused,
        comment: Some(reason),
        fields: db::requests::StatusFields {
            closed_at: Some(db::now()),
            refusal_reason: Some(reason.to_string()),
            ..Default::default()
        },
        news: format!("Elle a été refusée pour le motif suivant :\n\n{reason}"),
    };
    move_request(
        conn,
        settings,
        agent,
        id,
        RequestStatus::InProgress,
        transition,
        |_, _| Ok(()),
    )
}

/// Records a child's school enrolment ("Enfants scolarisés du foyer").
pub fn add_enrolment(
    conn: &mut db::Conn,
    person_id: PersonId,
    input: &domain::profile::SchoolEnrolmentInput,
) -> ApiResult<domain::profile::SchoolEnrolment> {
    let person = db::persons::find(conn, person_id)?.ok_or_else(ApiError::not_found)?;
    if !db::households::is_child(conn, person_id)? {
        return Err(ApiError::not_found());
    }
    let class_name = input
        .class_name
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let id = db::households::add_enrolment(
        conn,
        person_id,
        input.school_year.trim(),
        input.establishment.trim(),
        input.level.trim(),
        class_name,
        db::now(),
    )?;
    Ok(domain::profile::SchoolEnrolment {
        id,
        person_id,
        child_name: views::display_name(&person.first_name, &person.birth_name),
        school_year: input.school_year.trim().into(),
        establishment: input.establishment.trim().into(),
        level: input.level.trim().into(),
        class_name: class_name.map(str::to_string),
    })
}
