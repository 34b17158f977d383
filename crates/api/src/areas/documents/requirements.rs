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

/// Whom a required document is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Whom {
    /// A person of the household (none: the household).
    Person(Option<PersonId>),
    /// The child a fiche enfant adds, not yet in the household.
    NewChild(RequestId),
}

impl Whom {
    /// Whether `document` was provided for this.
    pub fn holds(self, document: &db::documents::DocumentRow) -> bool {
        match self {
            Whom::Person(None) => document.person_id.is_none() && document.request_id.is_none(),
            Whom::Person(person) => document.person_id == person,
            Whom::NewChild(request) => {
                document.person_id.is_none() && document.request_id == Some(request)
            }
        }
    }

    pub fn person(self) -> Option<PersonId> {
        match self {
            Whom::Person(person) => person,
            Whom::NewChild(_) => None,
        }
    }
}

/// One type of document for one person (or the household, or a fiche's new child).
pub type Slot = (String, Whom);

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

/// Whom a type of document is about, in a request (`adds_child`: a fiche naming a child
/// to add).
fn concerned(
    concern: DocumentConcern,
    request: &db::requests::RequestRow,
    adds_child: bool,
    holder: Option<PersonId>,
) -> Option<Whom> {
    match concern {
        // A child's document needs the child: without one chosen, nothing to ask yet.
        DocumentConcern::Child => match request.person_id {
            Some(child) => Some(Whom::Person(Some(child))),
            None => adds_child.then_some(Whom::NewChild(request.id)),
        },
        DocumentConcern::Adult => Some(Whom::Person(holder)),
        DocumentConcern::Household => Some(Whom::Person(None)),
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
        .map(|((_, (kind, whom)), mut refs)| {
            refs.sort_by_key(|r| r.number);
            // Latest first: the first one found is the one that counts.
            let latest = documents
                .iter()
                .find(|d| d.document_type == kind && whom.holds(d));
            let type_name = views::document_type(settings, &kind)
                .map(|t| t.name.clone())
                .unwrap_or_default();
            RequiredDocument {
                status: status_of(latest, today),
                document: latest.map(|d| views::document(settings, &names, d)),
                concerned: names.whom(whom),
                document_type: kind,
                type_name,
                person_id: whom.person(),
                request_id: match whom {
                    Whom::NewChild(request) => Some(request),
                    Whom::Person(_) => None,
                },
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
    let procedures: HashMap<ProcedureId, db::catalogue::ProcedureRow> =
        db::catalogue::all_procedures(conn)?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
    let holder = db::households::holder_of(conn, household)?;
    let ids: Vec<RequestId> = requests.iter().map(|r| r.id).collect();
    let asked = db::documents::asked(conn, &ids)?;
    let mut slots: BTreeMap<(usize, Slot), Vec<RequestRef>> = BTreeMap::new();
    let types = settings.commune.document_types();
    let position = |slug: &str| types.iter().position(|t| t.slug == slug);
    for r in requests {
        let Some(procedure) = procedures.get(&r.procedure_id) else {
            continue;
        };
        let (slug, title) = (&procedure.slug, &procedure.title);
        let answers: Answers = serde_json::from_str(&r.answers).unwrap_or_default();
        let adds_child = r.person_id.is_none() && views::new_child(procedure, &answers).is_some();
        let configured = settings
            .commune
            .procedure(slug)
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
                .map(|p| Whom::Person(Some(p)))
                .or_else(|| concerned(t.concern, r, adds_child, holder))
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
