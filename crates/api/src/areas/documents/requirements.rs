//! What a household's open requests still need: each required type of document, for
//! the person it concerns, once, with every request that needs it. A valid document
//! serves every such request until it expires; the latest document provided decides.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use domain::document::{
    DocumentConcern, DocumentStatus, RequestRef, RequiredDocument, RequirementStatus,
};
use domain::ids::{HouseholdId, PersonId, ProcedureId, RequestId};
use domain::request::form::Answers;
use domain::request::RequestStatus;

use super::views::{self, Names};
use crate::config::Settings;
use crate::error::ApiResult;

/// One type of document for one person (none: the household).
pub type Slot = (String, Option<PersonId>);

/// The status of a slot given the latest document provided for it.
pub fn status_of(
    latest: Option<&db::documents::DocumentRow>,
    today: NaiveDate,
) -> RequirementStatus {
    match latest {
        None => RequirementStatus::Missing,
        Some(d) => match d.status {
            DocumentStatus::Pending => RequirementStatus::Pending,
            DocumentStatus::Refused => RequirementStatus::Invalid,
            DocumentStatus::Valid if d.valid_until.is_some_and(|until| until < today) => {
                RequirementStatus::Missing
            }
            DocumentStatus::Valid => RequirementStatus::Valid,
        },
    }
}

/// Whom a type of document is about, in a request.
fn concerned(
    concern: DocumentConcern,
    request_person: Option<PersonId>,
    holder: Option<PersonId>,
) -> Option<Option<PersonId>> {
    match concern {
        // A child's document needs the child: without one chosen, nothing to ask yet.
        DocumentConcern::Child => request_person.map(Some),
        DocumentConcern::Adult => Some(holder),
        DocumentConcern::Household => Some(None),
    }
}

/// What one request needs, and where each stands.
pub fn of_request(
    conn: &mut db::Conn,
    settings: &Settings,
    request: &db::requests::RequestRow,
    today: NaiveDate,
) -> ApiResult<Vec<RequiredDocument>> {
    of_household(
        conn,
        settings,
        request.household_id,
        Some(request.id),
        today,
    )
}

/// The requirements of the household's sent requests still open (or of the one
/// request `only`, whatever its status), in the order of the types' configuration.
pub fn of_household(
    conn: &mut db::Conn,
    settings: &Settings,
    household: HouseholdId,
    only: Option<RequestId>,
    today: NaiveDate,
) -> ApiResult<Vec<RequiredDocument>> {
    let requests: Vec<_> = db::requests::list_for_household(conn, household)?
        .into_iter()
        .filter(|r| match only {
            Some(id) => r.id == id,
            None => matches!(
                r.status,
                RequestStatus::Submitted | RequestStatus::InProgress
            ),
        })
        .collect();
    if requests.is_empty() {
        return Ok(Vec::new());
    }
    let slots = needs(conn, settings, household, &requests)?;
    let documents = db::documents::of_household(conn, household)?;
    let names = Names::of(conn, household)?;
    Ok(slots
        .into_iter()
        .map(|((_, (kind, person)), mut refs)| {
            refs.sort_by_key(|r| r.number);
            // Latest first: the first one found is the one that counts.
            let latest = documents
                .iter()
                .find(|d| d.document_type == kind && d.person_id == person);
            let type_name = views::document_type(settings, &kind)
                .map(|t| t.name.clone())
                .unwrap_or_default();
            RequiredDocument {
                status: status_of(latest, today),
                document: latest.map(|d| views::document(settings, &names, d)),
                concerned: names.get(person),
                document_type: kind,
                type_name,
                person_id: person,
                requests: refs,
            }
        })
        .collect())
}

/// Every (type, person) the `requests` need, in the order of the types' configuration,
/// with the requests that need each.
pub fn needs(
    conn: &mut db::Conn,
    settings: &Settings,
    household: HouseholdId,
    requests: &[db::requests::RequestRow],
) -> ApiResult<BTreeMap<(usize, Slot), Vec<RequestRef>>> {
    let procedures: HashMap<ProcedureId, (String, String)> = db::catalogue::all_procedures(conn)?
        .into_iter()
        .map(|p| (p.id, (p.slug, p.title)))
        .collect();
    let holder = db::households::holder_of(conn, household)?;
    let ids: Vec<RequestId> = requests.iter().map(|r| r.id).collect();
    let asked = db::documents::asked(conn, &ids)?;
    let mut slots: BTreeMap<(usize, Slot), Vec<RequestRef>> = BTreeMap::new();
    let types = settings.commune.document_types();
    let position = |slug: &str| types.iter().position(|t| t.slug == slug);
    for r in requests {
        let (slug, title) = procedures.get(&r.procedure_id).cloned().unwrap_or_default();
        let answers: Answers = serde_json::from_str(&r.answers).unwrap_or_default();
        let configured = settings
            .commune
            .procedure(&slug)
            .map(|p| p.documents.clone())
            .unwrap_or_default();
        let needed = configured
            .iter()
            .filter(|req| req.applies(&answers))
            .map(|req| (req.document_type.clone(), None))
            .chain(
                asked
                    .iter()
                    .filter(|a| a.request_id == r.id)
                    .map(|a| (a.document_type.clone(), a.person_id)),
            );
        for (kind, person) in needed {
            let (Some(at), Some(t)) = (position(&kind), views::document_type(settings, &kind))
            else {
                continue;
            };
            let Some(whom) = person
                .map(Some)
                .or_else(|| concerned(t.concern, r.person_id, holder))
            else {
                continue;
            };
            let refs = slots.entry((at, (kind, whom))).or_default();
            if !refs.iter().any(|x| x.id == r.id) {
                refs.push(RequestRef {
                    id: r.id,
                    number: r.number,
                    procedure_title: title.clone(),
                });
            }
        }
    }
    Ok(slots)
}
