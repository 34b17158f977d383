//! Categories (services) and procedures of the catalogue.

use diesel::prelude::*;
use domain::ids::{CategoryId, ProcedureId};

use crate::schema::{categories, procedures};
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = categories)]
pub struct CategoryRow {
    pub id: CategoryId,
    pub position: i32,
    pub name: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = procedures)]
pub struct ProcedureRow {
    pub id: ProcedureId,
    pub category_id: CategoryId,
    pub position: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub duration_minutes: Option<i32>,
    pub terms: Option<String>,
    pub kind: domain::catalogue::ProcedureKind,
    /// The form definition, JSON.
    pub form: String,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = categories)]
pub struct NewCategory<'a> {
    pub position: i32,
    pub name: &'a str,
    pub created_at: chrono::NaiveDateTime,
}

#[derive(Debug, Insertable, AsChangeset)]
#[diesel(table_name = procedures)]
pub struct NewProcedure<'a> {
    pub category_id: CategoryId,
    pub position: i32,
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub duration_minutes: Option<i32>,
    pub terms: Option<&'a str>,
    pub kind: domain::catalogue::ProcedureKind,
    pub form: &'a str,
    pub created_at: chrono::NaiveDateTime,
}

/// Inserts the category, or brings back and repositions the one of that name.
pub fn upsert_category(conn: &mut Conn, new: &NewCategory) -> QueryResult<(CategoryId, bool)> {
    let existing: Option<CategoryId> = categories::table
        .filter(categories::name.eq(new.name))
        .select(categories::id)
        .first(conn)
        .optional()?;
    match existing {
        Some(id) => {
            diesel::update(categories::table.find(id))
                .set((
                    categories::position.eq(new.position),
                    categories::archived.eq(false),
                ))
                .execute(conn)?;
            Ok((id, false))
        }
        None => diesel::insert_into(categories::table)
            .values(new)
            .returning(categories::id)
            .get_result(conn)
            .map(|id| (id, true)),
    }
}

/// Inserts the procedure, or updates (and brings back) the one with that slug.
/// Returns the id and whether it was new.
pub fn upsert_procedure(conn: &mut Conn, new: &NewProcedure) -> QueryResult<(ProcedureId, bool)> {
    let existing: Option<ProcedureId> = procedures::table
        .filter(procedures::slug.eq(new.slug))
        .select(procedures::id)
        .first(conn)
        .optional()?;
    match existing {
        Some(id) => {
            diesel::update(procedures::table.find(id))
                .set((new, procedures::archived.eq(false)))
                .execute(conn)?;
            Ok((id, false))
        }
        None => diesel::insert_into(procedures::table)
            .values(new)
            .returning(procedures::id)
            .get_result(conn)
            .map(|id| (id, true)),
    }
}

/// Archives the categories and procedures the configuration no longer lists; returns how
/// many procedures were archived.
pub fn archive_others(
    conn: &mut Conn,
    category_ids: &[CategoryId],
    procedure_ids: &[ProcedureId],
) -> QueryResult<usize> {
    diesel::update(categories::table.filter(categories::id.ne_all(category_ids)))
        .set(categories::archived.eq(true))
        .execute(conn)?;
    diesel::update(
        procedures::table
            .filter(procedures::id.ne_all(procedure_ids))
            .filter(procedures::archived.eq(false)),
    )
    .set(procedures::archived.eq(true))
    .execute(conn)
}

/// The categories shown in the catalogue.
pub fn list_categories(conn: &mut Conn) -> QueryResult<Vec<CategoryRow>> {
    categories::table
        .filter(categories::archived.eq(false))
        .order((categories::position, categories::id))
        .select(CategoryRow::as_select())
        .load(conn)
}

/// The procedures shown in the catalogue.
pub fn list_procedures(conn: &mut Conn) -> QueryResult<Vec<ProcedureRow>> {
    procedures::table
        .filter(procedures::archived.eq(false))
        .order((procedures::position, procedures::id))
        .select(ProcedureRow::as_select())
        .load(conn)
}

/// Every procedure, archived ones included (to name the procedure of old requests).
pub fn all_procedures(conn: &mut Conn) -> QueryResult<Vec<ProcedureRow>> {
    procedures::table
        .order(procedures::id)
        .select(ProcedureRow::as_select())
        .load(conn)
}

pub fn find_procedure_by_id(conn: &mut Conn, id: ProcedureId) -> QueryResult<Option<ProcedureRow>> {
    procedures::table
        .find(id)
        .select(ProcedureRow::as_select())
        .first(conn)
        .optional()
}

/// A procedure with the name of its category.
pub fn find_procedure(conn: &mut Conn, slug: &str) -> QueryResult<Option<(ProcedureRow, String)>> {
    procedures::table
        .inner_join(categories::table)
        .filter(procedures::slug.eq(slug))
        .filter(procedures::archived.eq(false))
        .select((ProcedureRow::as_select(), categories::name))
        .first(conn)
        .optional()
}
