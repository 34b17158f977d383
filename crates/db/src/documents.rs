//! Documents (justificatifs) a household provided, and the documents agents asked for on
//! a request. A document row is written only once its file is in the object store; a
//! replaced document stays, as history.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::document::{DocumentStatus, FileKind};
use domain::ids::{AccountId, DocumentId, HouseholdId, PersonId, RequestId};
use domain::profile::MemberRole;

use crate::schema::{addresses, document_requests, documents, household_members};
use crate::Conn;

#[derive(Debug, Insertable)]
#[diesel(table_name = documents)]
pub struct NewDocument<'a> {
    pub household_id: HouseholdId,
    pub person_id: Option<PersonId>,
    pub document_type: &'a str,
    pub status: DocumentStatus,
    pub file_kind: FileKind,
    pub object_key: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub document_date: Option<NaiveDate>,
    pub uploaded_by: AccountId,
    pub uploaded_at: NaiveDateTime,
    /// The fiche enfant whose child, not yet in the household, the document is about.
    pub request_id: Option<RequestId>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = documents)]
pub struct DocumentRow {
    pub id: DocumentId,
    pub household_id: HouseholdId,
    pub person_id: Option<PersonId>,
    pub document_type: String,
    pub status: DocumentStatus,
    pub file_kind: FileKind,
    pub object_key: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub document_date: Option<NaiveDate>,
    pub uploaded_by: AccountId,
    pub uploaded_at: NaiveDateTime,
    pub valid_until: Option<NaiveDate>,
    pub reviewed_by: Option<AccountId>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub refusal_reason: Option<String>,
    /// The fiche enfant it was provided with for a child not yet in the household.
    pub request_id: Option<RequestId>,
}

pub fn insert(conn: &mut Conn, new: &NewDocument) -> QueryResult<DocumentId> {
    diesel::insert_into(documents::table)
        .values(new)
        .returning(documents::id)
        .get_result(conn)
}

pub fn find(conn: &mut Conn, id: DocumentId) -> QueryResult<Option<DocumentRow>> {
    documents::table
        .find(id)
        .select(DocumentRow::as_select())
        .first(conn)
        .optional()
}

/// The documents provided with the fiche `request` for its child not yet in the
/// household now concern `child` (the fiche is accepted, or names a known child).
pub fn attach_to_child(conn: &mut Conn, request: RequestId, child: PersonId) -> QueryResult<usize> {
    diesel::update(
        documents::table
            .filter(documents::request_id.eq(request))
            .filter(documents::person_id.is_null()),
    )
    .set(documents::person_id.eq(child))
    .execute(conn)
}

/// Forgets the documents still waiting on a draft being deleted (their files go with the
/// next sweep of the object store).
pub fn delete_waiting(conn: &mut Conn, request: RequestId) -> QueryResult<usize> {
    diesel::delete(
        documents::table
            .filter(documents::request_id.eq(request))
            .filter(documents::person_id.is_null()),
    )
    .execute(conn)
}

/// Every document of a household, latest first.
pub fn of_household(conn: &mut Conn, household_id: HouseholdId) -> QueryResult<Vec<DocumentRow>> {
    documents::table
        .filter(documents::household_id.eq(household_id))
        .order((documents::uploaded_at.desc(), documents::id.desc()))
        .select(DocumentRow::as_select())
        .load(conn)
}

/// What the agents' queue filters on.
#[derive(Debug, Clone, Default)]
pub struct Queue {
    pub status: Option<DocumentStatus>,
    pub document_type: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    /// The postal code of the household's address (its holder's default one).
    pub postal_code: Option<String>,
}

/// The documents matching `queue`, oldest first (the first uploaded is the first seen),
/// with the total.
pub fn queue(
    conn: &mut Conn,
    queue: &Queue,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<DocumentRow>, i64)> {
    let filtered = || {
        let mut q = documents::table.into_boxed();
        if let Some(status) = queue.status {
            q = q.filter(documents::status.eq(status));
        }
        if let Some(kind) = &queue.document_type {
            q = q.filter(documents::document_type.eq(kind.clone()));
        }
        if let Some(from) = queue.from {
            q = q.filter(documents::uploaded_at.ge(from));
        }
        if let Some(until) = queue.until {
            q = q.filter(documents::uploaded_at.lt(until));
        }
        if let Some(code) = &queue.postal_code {
            let living_there = household_members::table
                .inner_join(
                    addresses::table.on(addresses::person_id.eq(household_members::person_id)),
                )
                .filter(household_members::role.eq(MemberRole::AccountHolder))
                .filter(addresses::is_default.eq(true))
                .filter(addresses::postal_code.eq(code.clone()))
                .select(household_members::household_id);
            q = q.filter(documents::household_id.eq_any(living_there));
        }
        q
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((documents::uploaded_at.asc(), documents::id.asc()))
        .offset(offset)
        .limit(limit)
        .select(DocumentRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Valider / Refuser, only while the document waits: 0 when another agent was first.
pub fn review(
    conn: &mut Conn,
    id: DocumentId,
    to: DocumentStatus,
    valid_until: Option<NaiveDate>,
    reason: Option<&str>,
    agent: AccountId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        documents::table
            .find(id)
            .filter(documents::status.eq(DocumentStatus::Pending)),
    )
    .set((
        documents::status.eq(to),
        documents::valid_until.eq(valid_until),
        documents::refusal_reason.eq(reason),
        documents::reviewed_by.eq(agent),
        documents::reviewed_at.eq(now),
    ))
    .execute(conn)
}

/// Whether a stored object belongs to a document (the sweep keeps those).
pub fn known_keys(conn: &mut Conn, keys: &[String]) -> QueryResult<Vec<String>> {
    documents::table
        .filter(documents::object_key.eq_any(keys))
        .select(documents::object_key)
        .load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = document_requests)]
pub struct DocumentRequestRow {
    pub request_id: RequestId,
    pub document_type: String,
    pub person_id: Option<PersonId>,
}

/// "Demande de justificatifs": one more document a request needs.
pub fn ask(
    conn: &mut Conn,
    request_id: RequestId,
    document_type: &str,
    person_id: Option<PersonId>,
    agent: AccountId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(document_requests::table)
        .values((
            document_requests::request_id.eq(request_id),
            document_requests::document_type.eq(document_type),
            document_requests::person_id.eq(person_id),
            document_requests::asked_by.eq(agent),
            document_requests::asked_at.eq(now),
        ))
        .execute(conn)
}

/// The documents agents asked for on these requests.
pub fn asked(conn: &mut Conn, requests: &[RequestId]) -> QueryResult<Vec<DocumentRequestRow>> {
    document_requests::table
        .filter(document_requests::request_id.eq_any(requests))
        .order(document_requests::id)
        .select(DocumentRequestRow::as_select())
        .load(conn)
}
