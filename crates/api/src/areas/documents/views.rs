//! Document rows to the API's `Document`, naming the type and the person it is about.

use std::collections::HashMap;

use domain::document::Document;
use domain::ids::{HouseholdId, PersonId, RequestId};
use domain::request::form::{Answers, NewPerson};
use domain::request::FormDefinition;

use super::requirements::Whom;
use crate::areas::requests::views::display_name;
use crate::config::documents::DocumentTypeSettings;
use crate::config::Settings;
use crate::error::ApiResult;

/// "MOUNIER Éric", by person, for every member of the household; `None` is the holder
/// (a household's documents are in the holder's name, as in the manuals); and the
/// children the household's fiches add, by fiche.
pub struct Names {
    people: HashMap<PersonId, String>,
    holder: String,
    new_children: HashMap<RequestId, String>,
}

/// The child to add that a request of `procedure` names, if it is a fiche enfant.
pub fn new_child(procedure: &db::catalogue::ProcedureRow, answers: &Answers) -> Option<NewPerson> {
    serde_json::from_str::<FormDefinition>(&procedure.form)
        .ok()?
        .new_child(answers)
}

impl Names {
    pub fn of(conn: &mut db::Conn, household: HouseholdId) -> ApiResult<Names> {
        let members = db::households::members(conn, household)?;
        let people: HashMap<PersonId, String> = members
            .iter()
            .map(|m| (m.person_id, display_name(&m.first_name, &m.birth_name)))
            .collect();
        let holder = db::households::holder_of(conn, household)?
            .and_then(|id| people.get(&id).cloned())
            .unwrap_or_default();
        let mut new_children = HashMap::new();
        for r in db::requests::list_for_household(conn, household)? {
            if r.person_id.is_some() {
                continue;
            }
            let Some(procedure) = db::catalogue::find_procedure_by_id(conn, r.procedure_id)? else {
                continue;
            };
            let answers: Answers = serde_json::from_str(&r.answers).unwrap_or_default();
            if let Some(child) = new_child(&procedure, &answers) {
                new_children.insert(r.id, display_name(&child.first_name, &child.birth_name));
            }
        }
        Ok(Names {
            people,
            holder,
            new_children,
        })
    }

    pub fn get(&self, person: Option<PersonId>) -> String {
        person
            .and_then(|id| self.people.get(&id).cloned())
            .unwrap_or_else(|| self.holder.clone())
    }

    pub fn whom(&self, whom: Whom) -> String {
        match whom {
            Whom::Person(person) => self.get(person),
            Whom::NewChild(request) => self.new_children.get(&request).cloned().unwrap_or_default(),
        }
    }

    /// Whom a document is about.
    fn of_document(&self, row: &db::documents::DocumentRow) -> String {
        match (row.person_id, row.request_id) {
            (None, Some(request)) => self.whom(Whom::NewChild(request)),
            (person, _) => self.get(person),
        }
    }
}

pub fn document_type<'a>(settings: &'a Settings, slug: &str) -> Option<&'a DocumentTypeSettings> {
    settings
        .commune
        .document_types()
        .iter()
        .find(|t| t.slug == slug)
}

pub fn document(settings: &Settings, names: &Names, row: &db::documents::DocumentRow) -> Document {
    Document {
        id: row.id,
        document_type: row.document_type.clone(),
        type_name: document_type(settings, &row.document_type)
            .map_or_else(|| row.document_type.clone(), |t| t.name.clone()),
        person_id: row.person_id,
        concerned: names.of_document(row),
        status: row.status,
        file_kind: row.file_kind,
        size_bytes: row.size_bytes,
        sha256: row.sha256.clone(),
        uploaded_at: row.uploaded_at.and_utc(),
        document_date: row.document_date,
        valid_until: row.valid_until,
        refusal_reason: row.refusal_reason.clone(),
        reviewed_at: row.reviewed_at.map(|at| at.and_utc()),
    }
}
