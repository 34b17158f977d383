//! Document rows to the API's `Document`, naming the type and the person it is about.

use std::collections::HashMap;

use domain::document::Document;
use domain::ids::{HouseholdId, PersonId};

use crate::areas::requests::views::display_name;
use crate::config::documents::DocumentTypeSettings;
use crate::config::Settings;
use crate::error::ApiResult;

/// "MOUNIER Éric", by person, for every member of the household; `None` is the holder
/// (a household's documents are in the holder's name, as in the manuals).
pub struct Names {
    people: HashMap<PersonId, String>,
    holder: String,
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
        Ok(Names { people, holder })
    }

    pub fn get(&self, person: Option<PersonId>) -> String {
        person
            .and_then(|id| self.people.get(&id).cloned())
            .unwrap_or_else(|| self.holder.clone())
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
        concerned: names.get(row.person_id),
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
