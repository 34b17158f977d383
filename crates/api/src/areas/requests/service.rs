//! The citizen's requests: drafts, submission with a receipt, changes until an agent
//! takes the request. Every call is scoped to the caller's household.

use domain::ids::{AccountId, HouseholdId, PersonId, RequestId};
use domain::request::form::PersonAnswer;
use domain::request::{MyRequests, RequestDetail, RequestInput, RequestStatus};

use super::views;
use crate::areas::profile::service::holder;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult, ErrorKind};
use crate::mail::{self, templates};

pub fn locked() -> ApiError {
    ApiError::new(ErrorKind::Conflict, "request_locked")
}

pub fn invalid_transition() -> ApiError {
    ApiError::new(ErrorKind::Conflict, "invalid_transition")
}

/// A request's content once checked against its procedure's form.
struct Checked {
    procedure: db::catalogue::ProcedureRow,
    answers: String,
    /// The person concerned: the one chosen, or the child of a fiche enfant.
    person_id: Option<PersonId>,
}

/// The procedure named by `slug` and the checked answers (`complete` for a submission).
fn checked(
    conn: &mut db::Conn,
    household: HouseholdId,
    input: &RequestInput,
    complete: bool,
) -> ApiResult<Checked> {
    let (procedure, _) = db::catalogue::find_procedure(conn, &input.procedure)?
        .ok_or_else(|| ApiError::field("procedure", "invalid_value"))?;
    let members = db::households::members(conn, household)?;
    if let Some(person) = input.person_id {
        if !members.iter().any(|m| m.person_id == person) {
            return Err(ApiError::field("person_id", "not_a_member"));
        }
    }
    let form =
        crate::areas::catalogue::service::procedure_view(procedure.clone(), String::new()).form;
    let errors = form.check(&input.answers, complete, crate::town_clock::today());
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    super::household_answers::check(conn, household, &form, &input.answers)?;
    // A fiche concerns its child: one of the household's, or one to add on acceptance.
    let person_id = match form.child_field() {
        Some(field) => match input.answers.get(&field.name).and_then(PersonAnswer::read) {
            Some(PersonAnswer::Member(child)) => Some(child),
            _ => None,
        },
        None => input.person_id,
    };
    let answers = serde_json::to_string(&input.answers).map_err(ApiError::internal)?;
    Ok(Checked {
        procedure,
        answers,
        person_id,
    })
}

fn own(
    conn: &mut db::Conn,
    household: HouseholdId,
    id: RequestId,
) -> ApiResult<db::requests::RequestRow> {
    db::requests::find_in_household(conn, id, household)?.ok_or_else(ApiError::not_found)
}

pub fn create(
    conn: &mut db::Conn,
    account_id: AccountId,
    input: &RequestInput,
) -> ApiResult<RequestDetail> {
    let (_, household) = holder(conn, account_id)?;
    let Checked {
        procedure,
        answers,
        person_id,
    } = checked(conn, household, input, false)?;
    db::transaction(conn, |conn| {
        let now = db::now();
        let number = db::requests::next_number(conn)?;
        let id = db::requests::insert(
            conn,
            &db::requests::NewRequest {
                number,
                procedure_id: procedure.id,
                household_id: household,
                account_id,
                person_id,
                status: RequestStatus::Draft,
                answers: &answers,
                created_at: now,
                updated_at: now,
            },
        )?;
        db::requests::add_event(
            conn,
            id,
            Some(account_id),
            None,
            RequestStatus::Draft,
            None,
            now,
        )?;
        let row = own(conn, household, id)?;
        views::detail(conn, row)
    })
}

pub fn update(
    conn: &mut db::Conn,
    account_id: AccountId,
    id: RequestId,
    input: &RequestInput,
) -> ApiResult<RequestDetail> {
    let (_, household) = holder(conn, account_id)?;
    db::transaction(conn, |conn| {
        let row = own(conn, household, id)?;
        let status = row.status;
        if !status.citizen_can_edit() {
            return Err(locked());
        }
        let Checked {
            procedure,
            answers,
            person_id,
        } = checked(conn, household, input, status == RequestStatus::Submitted)?;
        if procedure.id != row.procedure_id {
            return Err(ApiError::field("procedure", "invalid_value"));
        }
        if db::requests::update_answers(conn, id, status, person_id, &answers, db::now())? != 1 {
            return Err(locked());
        }
        // A fiche that now names a child of the household gives it the documents
        // provided for the child it was to add.
        if let Some(child) = person_id.filter(|_| row.person_id.is_none()) {
            db::documents::attach_to_child(conn, id, child)?;
        }
        let row = own(conn, household, id)?;
        views::detail(conn, row)
    })
}

pub fn delete(conn: &mut db::Conn, account_id: AccountId, id: RequestId) -> ApiResult<()> {
    let (_, household) = holder(conn, account_id)?;
    db::transaction(conn, |conn| {
        let row = own(conn, household, id)?;
        if row.status != RequestStatus::Draft {
            return Err(locked());
        }
        db::documents::delete_waiting(conn, id)?;
        if db::requests::delete(conn, id, RequestStatus::Draft)? != 1 {
            return Err(locked());
        }
        Ok(())
    })
}

/// "Enregistrer la demande": the draft becomes Enregistrée and a receipt is mailed.
pub fn submit(
    conn: &mut db::Conn,
    settings: &Settings,
    account_id: AccountId,
    id: RequestId,
) -> ApiResult<RequestDetail> {
    let (account, household) = holder(conn, account_id)?;
    db::transaction(conn, |conn| {
        let row = own(conn, household, id)?;
        if row.status != RequestStatus::Draft {
            return Err(invalid_transition());
        }
        let procedure = db::catalogue::find_procedure_by_id(conn, row.procedure_id)?
            .ok_or_else(ApiError::not_found)?;
        let input = RequestInput {
            procedure: procedure.slug.clone(),
            person_id: row.person_id,
            answers: serde_json::from_str(&row.answers).map_err(ApiError::internal)?,
        };
        checked(conn, household, &input, true)?;
        let now = db::now();
        let fields = db::requests::StatusFields {
            submitted_at: Some(now),
            ..Default::default()
        };
        let (from, to) = (RequestStatus::Draft, RequestStatus::Submitted);
        if db::requests::change_status(conn, id, from, to, &fields, now)? != 1 {
            return Err(invalid_transition());
        }
        db::requests::add_event(conn, id, Some(account_id), Some(from), to, None, now)?;
        mail::queue(
            conn,
            &templates::request_received(settings, &account.email, row.number, &procedure.title),
        )?;
        let row = own(conn, household, id)?;
        views::detail(conn, row)
    })
}

pub fn list(conn: &mut db::Conn, account_id: AccountId) -> ApiResult<MyRequests> {
    let (_, household) = holder(conn, account_id)?;
    let rows = db::requests::list_for_household(conn, household)?;
    let (in_progress, done) = views::summaries(conn, &rows)?
        .into_iter()
        .partition(|r| r.status.is_open());
    Ok(MyRequests { in_progress, done })
}

pub fn detail(
    conn: &mut db::Conn,
    account_id: AccountId,
    id: RequestId,
) -> ApiResult<RequestDetail> {
    let (_, household) = holder(conn, account_id)?;
    let row = own(conn, household, id)?;
    views::detail(conn, row)
}
