//! The household's side of the documents: which slot an upload fills (checked before a
//! byte of the file is read), recording it once stored, the library and the list of what
//! is still to provide.

use chrono::{Days, NaiveDate, NaiveDateTime};
use domain::document::{
    Document, DocumentConcern, DocumentStatus, LibraryDocument, RequiredDocument, UploadFields,
};
use domain::ids::{AccountId, DocumentId, HouseholdId, PersonId, RequestId};
use domain::profile::MemberRole;
use domain::request::form::Answers;
use domain::request::RequestStatus;

use super::incoming::Stored;
use super::views::{self, Names};
use super::{requirements, usage};
use crate::areas::profile::service::holder;
use crate::config::documents::DocumentTypeSettings;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};

/// Where an upload goes, decided before the file is read.
#[derive(Debug, Clone)]
pub struct Slot {
    pub household: HouseholdId,
    pub person: Option<PersonId>,
    /// The fiche whose child to add the document is about (no person yet).
    pub request: Option<RequestId>,
    pub document_type: DocumentTypeSettings,
    pub document_date: Option<NaiveDate>,
}

/// How far back a document's date may be: five years.
const OLDEST_DOCUMENT_DAYS: u64 = 5 * 366;

pub fn slot(
    conn: &mut db::Conn,
    settings: &Settings,
    account_id: AccountId,
    fields: &UploadFields,
    today: NaiveDate,
) -> ApiResult<Slot> {
    let (account, household) = holder(conn, account_id)?;
    let document_type = views::document_type(settings, &fields.document_type)
        .cloned()
        .ok_or_else(|| ApiError::field("document_type", "unknown_document_type"))?;
    let members = db::households::members(conn, household)?;
    let member = |id: PersonId| members.iter().find(|m| m.person_id == id);
    let request = match (fields.request_id, document_type.concern, fields.person_id) {
        (None, _, _) => None,
        (Some(id), DocumentConcern::Child, None) => Some(adding_child(conn, household, id)?),
        (Some(_), _, _) => return Err(ApiError::field("request_id", "not_expected")),
    };
    let person = match document_type.concern {
        DocumentConcern::Child if request.is_some() => None,
        DocumentConcern::Household => {
            if fields.person_id.is_some() {
                return Err(ApiError::field("person_id", "not_expected"));
            }
            None
        }
        DocumentConcern::Child => {
            let id = fields
                .person_id
                .ok_or_else(|| ApiError::field("person_id", "required"))?;
            match member(id) {
                Some(m) if m.role == MemberRole::Child => Some(id),
                Some(_) => return Err(ApiError::field("person_id", "not_a_child")),
                None => return Err(ApiError::field("person_id", "not_a_member")),
            }
        }
        DocumentConcern::Adult => {
            let id = fields.person_id.unwrap_or(account.person_id);
            match member(id) {
                Some(m) if m.role != MemberRole::Child => Some(id),
                Some(_) => return Err(ApiError::field("person_id", "not_an_adult")),
                None => return Err(ApiError::field("person_id", "not_a_member")),
            }
        }
    };
    let document_date = document_date(&document_type, fields.document_date, today)?;
    Ok(Slot {
        household,
        person,
        request,
        document_type,
        document_date,
    })
}

/// The household's open fiche `id` that adds a child not yet in the household.
fn adding_child(
    conn: &mut db::Conn,
    household: HouseholdId,
    id: RequestId,
) -> ApiResult<RequestId> {
    let invalid = || ApiError::field("request_id", "invalid_value");
    let request = db::requests::find_in_household(conn, id, household)?.ok_or_else(invalid)?;
    let open = matches!(
        request.status,
        RequestStatus::Draft | RequestStatus::Submitted | RequestStatus::InProgress
    );
    let procedure =
        db::catalogue::find_procedure_by_id(conn, request.procedure_id)?.ok_or_else(invalid)?;
    let answers: Answers = serde_json::from_str(&request.answers).unwrap_or_default();
    match open && request.person_id.is_none() && views::new_child(&procedure, &answers).is_some() {
        true => Ok(request.id),
        false => Err(invalid()),
    }
}

/// The date on a document: not in the future, not older than five years, not already
/// expired; today when the type's validity counts from it and none is given.
pub fn document_date(
    document_type: &DocumentTypeSettings,
    given: Option<NaiveDate>,
    today: NaiveDate,
) -> ApiResult<Option<NaiveDate>> {
    Ok(match given {
        Some(d) if d > today => return Err(ApiError::field("document_date", "date_in_future")),
        Some(d) if today.checked_sub_days(Days::new(OLDEST_DOCUMENT_DAYS)) > Some(d) => {
            return Err(ApiError::field("document_date", "invalid_date"))
        }
        Some(d)
            if document_type
                .validity
                .until(d)
                .is_some_and(|end| end < today) =>
        {
            return Err(ApiError::field("document_date", "document_expired"))
        }
        Some(d) => Some(d),
        None if document_type.validity.needs_document_date() => Some(today),
        None => None,
    })
}

/// Records a stored file as a document waiting for an agent.
pub fn record(
    conn: &mut db::Conn,
    settings: &Settings,
    account_id: AccountId,
    slot: &Slot,
    stored: &Stored,
    now: NaiveDateTime,
) -> ApiResult<Document> {
    db::transaction(conn, |conn| {
        record_in(conn, settings, account_id, slot, stored, now)
    })
}

/// [`record`], inside the caller's transaction.
pub fn record_in(
    conn: &mut db::Conn,
    settings: &Settings,
    account_id: AccountId,
    slot: &Slot,
    stored: &Stored,
    now: NaiveDateTime,
) -> ApiResult<Document> {
    let id = db::documents::insert(
        conn,
        &db::documents::NewDocument {
            household_id: slot.household,
            person_id: slot.person,
            document_type: &slot.document_type.slug,
            status: DocumentStatus::Pending,
            file_kind: stored.kind,
            object_key: &stored.key,
            size_bytes: i64::try_from(stored.size).map_err(ApiError::internal)?,
            sha256: &stored.sha256,
            document_date: slot.document_date,
            uploaded_by: account_id,
            uploaded_at: now,
            request_id: slot.request,
        },
    )?;
    let row = db::documents::find(conn, id)?.ok_or_else(ApiError::not_found)?;
    let names = Names::of(conn, slot.household)?;
    Ok(views::document(settings, &names, &row))
}

/// "Ma bibliothèque de justificatifs": every document of the household, latest first,
/// with the requests it served.
pub fn library(
    conn: &mut db::Conn,
    settings: &Settings,
    account_id: AccountId,
    now: NaiveDateTime,
) -> ApiResult<Vec<LibraryDocument>> {
    let (_, household) = holder(conn, account_id)?;
    let names = Names::of(conn, household)?;
    let rows = db::documents::of_household(conn, household)?;
    let mut used = usage::used_by(conn, settings, household, &rows, now)?;
    Ok(rows
        .iter()
        .map(|row| LibraryDocument {
            document: views::document(settings, &names, row),
            used_by: used.remove(&row.id).unwrap_or_default(),
        })
        .collect())
}

/// "Mes justificatifs à fournir".
pub fn required(
    conn: &mut db::Conn,
    settings: &Settings,
    account_id: AccountId,
    today: NaiveDate,
) -> ApiResult<Vec<RequiredDocument>> {
    let (_, household) = holder(conn, account_id)?;
    requirements::of_household(conn, settings, household, None, today)
}

/// A document of the signed-in household (any other is "not found").
pub fn own(
    conn: &mut db::Conn,
    account_id: AccountId,
    id: DocumentId,
) -> ApiResult<db::documents::DocumentRow> {
    let (_, household) = holder(conn, account_id)?;
    db::documents::find(conn, id)?
        .filter(|d| d.household_id == household)
        .ok_or_else(ApiError::not_found)
}
