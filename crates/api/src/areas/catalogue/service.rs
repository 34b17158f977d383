//! Reading the catalogue, and seeding it from the commune's configuration on first start.

use std::collections::HashMap;

use domain::catalogue::{Catalogue, Category, Commune, Procedure, ProcedureSummary};
use domain::request::form::{school_year_choices, ChoiceSource};
use domain::request::FormDefinition;

use crate::config::{CommuneSettings, Settings};
use crate::error::{ApiError, ApiResult};

pub fn commune(settings: &Settings) -> Commune {
    Commune {
        name: settings.commune.name().into(),
        regie_name: settings.commune.regie_name().into(),
        news: settings.commune.news().into(),
        booked_colour: settings
            .commune
            .booked_colour
            .unwrap_or(domain::catalogue::BookedColour::Blue),
    }
}

pub fn catalogue(conn: &mut db::Conn) -> ApiResult<Catalogue> {
    let categories = db::catalogue::list_categories(conn)?;
    let mut by_category: HashMap<_, Vec<ProcedureSummary>> = HashMap::new();
    for p in db::catalogue::list_procedures(conn)? {
        by_category
            .entry(p.category_id)
            .or_default()
            .push(ProcedureSummary {
                id: p.id,
                slug: p.slug,
                title: p.title,
                summary: p.summary,
            });
    }
    Ok(Catalogue {
        categories: categories
            .into_iter()
            .map(|c| Category {
                procedures: by_category.remove(&c.id).unwrap_or_default(),
                id: c.id,
                name: c.name,
            })
            .collect(),
    })
}

pub fn procedure(conn: &mut db::Conn, slug: &str) -> ApiResult<Procedure> {
    let (p, category) =
        db::catalogue::find_procedure(conn, slug)?.ok_or_else(ApiError::not_found)?;
    Ok(procedure_view(p, category))
}

/// A stored procedure as the API shows it.
/// The school years a form offers follow the calendar.
pub fn procedure_view(p: db::catalogue::ProcedureRow, category: String) -> Procedure {
    let mut form: FormDefinition =
        serde_json::from_str(&p.form).unwrap_or_else(|_| FormDefinition::message());
    form.fill_choices(
        ChoiceSource::SchoolYears,
        &school_year_choices(crate::town_clock::today()),
    );
    Procedure {
        kind: p.kind,
        form,
        id: p.id,
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        category,
        description: p.description,
        duration_minutes: p.duration_minutes,
        terms: p.terms,
    }
}

/// What a synchronisation of the catalogue changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub added: usize,
    pub updated: usize,
    pub archived: usize,
}

/// Makes the stored catalogue follow the configuration: new categories and procedures are
/// added, existing ones (by name, by slug) updated, and those no longer configured
/// archived (hidden, kept for the requests that name them).
pub fn sync(
    conn: &mut db::Conn,
    commune: &CommuneSettings,
) -> Result<SyncReport, diesel::result::Error> {
    db::transaction(conn, |conn| {
        let now = db::now();
        let mut report = SyncReport::default();
        let (mut category_ids, mut procedure_ids) = (Vec::new(), Vec::new());
        for (i, category) in commune.catalogue().iter().enumerate() {
            let (category_id, _) = db::catalogue::upsert_category(
                conn,
                &db::catalogue::NewCategory {
                    position: i as i32,
                    name: &category.name,
                    created_at: now,
                },
            )?;
            category_ids.push(category_id);
            for (j, p) in category.procedures.iter().enumerate() {
                let form =
                    serde_json::to_string(&p.form.clone().unwrap_or_else(FormDefinition::message))
                        .unwrap_or_default();
                let (id, added) = db::catalogue::upsert_procedure(
                    conn,
                    &db::catalogue::NewProcedure {
                        category_id,
                        position: j as i32,
                        slug: &p.slug,
                        title: &p.title,
                        summary: &p.summary,
                        description: &p.description,
                        duration_minutes: p.duration_minutes,
                        terms: p.terms.as_deref(),
                        kind: p.kind,
                        form: &form,
                        created_at: now,
                    },
                )?;
                procedure_ids.push(id);
                if added {
                    report.added += 1;
                } else {
                    report.updated += 1;
                }
            }
        }
        report.archived = db::catalogue::archive_others(conn, &category_ids, &procedure_ids)?;
        Ok(report)
    })
}
