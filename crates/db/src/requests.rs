//! Requests (demandes), their numbers and their history.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::{AccountId, HouseholdId, PersonId, ProcedureId, RequestId};
use domain::request::RequestStatus;

use crate::schema::{accounts, counters, persons, request_events, requests};

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);
use crate::Conn;

#[derive(Debug, Insertable)]
#[diesel(table_name = requests)]
pub struct NewRequest<'a> {
    pub number: i64,
    pub procedure_id: ProcedureId,
    pub household_id: HouseholdId,
    pub account_id: AccountId,
    pub person_id: Option<PersonId>,
    pub status: RequestStatus,
    pub answers: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = requests)]
pub struct RequestRow {
    pub id: RequestId,
    pub number: i64,
    pub procedure_id: ProcedureId,
    pub household_id: HouseholdId,
    pub account_id: AccountId,
    pub person_id: Option<PersonId>,
    pub status: RequestStatus,
    pub answers: String,
    pub agent_account_id: Option<AccountId>,
    pub refusal_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
}

/// The next request number of the commune. Call inside the transaction that inserts the
/// request: the counter row stays locked until it commits.
pub fn next_number(conn: &mut Conn) -> QueryResult<i64> {
    diesel::update(counters::table.find("request_number"))
        .set(counters::value.eq(counters::value + 1))
        .returning(counters::value)
        .get_result(conn)
}

pub fn insert(conn: &mut Conn, new: &NewRequest) -> QueryResult<RequestId> {
    diesel::insert_into(requests::table)
        .values(new)
        .returning(requests::id)
        .get_result(conn)
}

pub fn find(conn: &mut Conn, id: RequestId) -> QueryResult<Option<RequestRow>> {
    requests::table
        .find(id)
        .select(RequestRow::as_select())
        .first(conn)
        .optional()
}

/// A request of `household_id`; `None` for any other household's.
pub fn find_in_household(
    conn: &mut Conn,
    id: RequestId,
    household_id: HouseholdId,
) -> QueryResult<Option<RequestRow>> {
    requests::table
        .find(id)
        .filter(requests::household_id.eq(household_id))
        .select(RequestRow::as_select())
        .first(conn)
        .optional()
}

/// Every request of a household, latest number first.
pub fn list_for_household(
    conn: &mut Conn,
    household_id: HouseholdId,
) -> QueryResult<Vec<RequestRow>> {
    requests::table
        .filter(requests::household_id.eq(household_id))
        .order(requests::number.desc())
        .select(RequestRow::as_select())
        .load(conn)
}

/// Changes the answers if the status is still `status`; returns 0 when an agent acted
/// in between.
pub fn update_answers(
    conn: &mut Conn,
    id: RequestId,
    status: RequestStatus,
    person_id: Option<PersonId>,
    answers: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(requests::table.find(id).filter(requests::status.eq(status)))
        .set((
            requests::person_id.eq(person_id),
            requests::answers.eq(answers),
            requests::updated_at.eq(now),
        ))
        .execute(conn)
}

/// The person a request concerns, once known (the child a fiche enfant added).
pub fn set_person(conn: &mut Conn, id: RequestId, person_id: PersonId) -> QueryResult<usize> {
    diesel::update(requests::table.find(id))
        .set(requests::person_id.eq(person_id))
        .execute(conn)
}

/// What a status change also writes.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = requests)]
pub struct StatusFields {
    pub submitted_at: Option<NaiveDateTime>,
    pub agent_account_id: Option<AccountId>,
    pub refusal_reason: Option<String>,
    pub closed_at: Option<NaiveDateTime>,
}

/// Moves a request from `from` to `to`. Returns 0 when its status was not `from` any
/// more (somebody else acted first).
pub fn change_status(
    conn: &mut Conn,
    id: RequestId,
    from: RequestStatus,
    to: RequestStatus,
    fields: &StatusFields,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(requests::table.find(id).filter(requests::status.eq(from)))
        .set((
            requests::status.eq(to),
            requests::updated_at.eq(now),
            fields,
        ))
        .execute(conn)
}

/// Deletes the request if the status is still `status`; returns 0 otherwise.
pub fn delete(conn: &mut Conn, id: RequestId, status: RequestStatus) -> QueryResult<usize> {
    diesel::delete(requests::table.find(id).filter(requests::status.eq(status))).execute(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = request_events)]
pub struct EventRow {
    pub actor_account_id: Option<AccountId>,
    pub from_status: Option<RequestStatus>,
    pub to_status: RequestStatus,
    pub comment: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn add_event(
    conn: &mut Conn,
    request_id: RequestId,
    actor_account_id: Option<AccountId>,
    from: Option<RequestStatus>,
    to: RequestStatus,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(request_events::table)
        .values((
            request_events::request_id.eq(request_id),
            request_events::actor_account_id.eq(actor_account_id),
            request_events::from_status.eq(from),
            request_events::to_status.eq(to),
            request_events::comment.eq(comment),
            request_events::created_at.eq(now),
        ))
        .execute(conn)
}

pub fn events(conn: &mut Conn, request_id: RequestId) -> QueryResult<Vec<EventRow>> {
    request_events::table
        .filter(request_events::request_id.eq(request_id))
        .order(request_events::id)
        .select(EventRow::as_select())
        .load(conn)
}

/// Filters of the agents' inbox, resolved to ids by the caller.
#[derive(Debug, Default, Clone)]
pub struct Search {
    pub status: Option<RequestStatus>,
    pub procedure_id: Option<ProcedureId>,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    /// Requests concerning, or made by, somebody whose name contains this text.
    pub person: Option<String>,
}

fn filtered(search: &Search) -> requests::BoxedQuery<'static, crate::conn::MultiBackend> {
    // Drafts are the citizen's own business.
    let mut query = requests::table
        .filter(requests::status.ne(RequestStatus::Draft))
        .into_boxed();
    if let Some(status) = search.status {
        query = query.filter(requests::status.eq(status));
    }
    if let Some(procedure_id) = search.procedure_id {
        query = query.filter(requests::procedure_id.eq(procedure_id));
    }
    if let Some(from) = search.from {
        query = query.filter(requests::created_at.ge(from));
    }
    if let Some(to) = search.to {
        query = query.filter(requests::created_at.lt(to));
    }
    if let Some(text) = &search.person {
        // Subqueries, not id lists: a short name may match thousands of people.
        let pattern = format!("%{}%", text.trim().to_lowercase().replace(['%', '_'], ""));
        macro_rules! named {
            () => {
                persons::table.filter(
                    lower(persons::first_name)
                        .like(pattern.clone())
                        .or(lower(persons::birth_name).like(pattern.clone()))
                        .or(lower(persons::usage_name.assume_not_null()).like(pattern.clone())),
                )
            };
        }
        let requesters = accounts::table
            .filter(accounts::person_id.eq_any(named!().select(persons::id)))
            .select(accounts::id);
        query = query.filter(
            requests::person_id
                .eq_any(named!().select(persons::id.nullable()))
                .or(requests::account_id.eq_any(requesters)),
        );
    }
    query
}

/// One page of the inbox, latest number first, and the total count.
pub fn search(
    conn: &mut Conn,
    search: &Search,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<RequestRow>, i64)> {
    let total = filtered(search).count().get_result(conn)?;
    let rows = filtered(search)
        .order(requests::number.desc())
        .offset(offset)
        .limit(limit)
        .select(RequestRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}
