//! Reading the catalogue, and seeding it from the commune's configuration on first start.

use std::collections::HashMap;

use domain::catalogue::{Catalogue, Category, Commune, Procedure, ProcedureKind, ProcedureSummary};
use domain::request::FormDefinition;

use crate::config::{CommuneSettings, Settings};
use crate::error::{ApiError, ApiResult};

pub fn commune(settings: &Settings) -> Commune {
    Commune {
        name: settings.commune.name().into(),
        regie_name: settings.commune.regie_name().into(),
        news: settings.commune.news().into(),
    }
}

pub fn catalogue(conn: &mut db::Conn) -> ApiResult<Catalogue> {
    let categories = db::catalogue::list_categories(conn)?;
    let mut by_category: HashMap<i64, Vec<ProcedureSummary>> = HashMap::new();
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
pub fn procedure_view(p: db::catalogue::ProcedureRow, category: String) -> Procedure {
    Procedure {
        kind: ProcedureKind::parse(&p.kind).unwrap_or(ProcedureKind::Generic),
        form: serde_json::from_str(&p.form).unwrap_or_else(|_| FormDefinition::message()),
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

/// Writes the configured catalogue when the database has none yet. Returns whether it did.
pub fn seed(conn: &mut db::Conn, commune: &CommuneSettings) -> Result<bool, diesel::result::Error> {
    db::transaction(conn, |conn| {
        if db::catalogue::count_categories(conn)? > 0 {
            return Ok(false);
        }
        let now = db::now();
        for (i, category) in commune.catalogue().iter().enumerate() {
            let category_id = db::catalogue::insert_category(
                conn,
                &db::catalogue::NewCategory {
                    position: i as i32,
                    name: &category.name,
                    created_at: now,
                },
            )?;
            for (j, p) in category.procedures.iter().enumerate() {
                db::catalogue::insert_procedure(
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
                        kind: &p.kind,
                        form: &serde_json::to_string(
                            &p.form.clone().unwrap_or_else(FormDefinition::message),
                        )
                        .unwrap_or_default(),
                        created_at: now,
                    },
                )?;
            }
        }
        Ok(true)
    })
}
