//! Categories (services) and procedures of the catalogue.

use diesel::prelude::*;

use crate::schema::{categories, procedures};
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = categories)]
pub struct CategoryRow {
    pub id: i64,
    pub position: i32,
    pub name: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = procedures)]
pub struct ProcedureRow {
    pub id: i64,
    pub category_id: i64,
    pub position: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    pub duration_minutes: Option<i32>,
    pub terms: Option<String>,
    pub kind: String,
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

#[derive(Debug, Insertable)]
#[diesel(table_name = procedures)]
pub struct NewProcedure<'a> {
    pub category_id: i64,
    pub position: i32,
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub duration_minutes: Option<i32>,
    pub terms: Option<&'a str>,
    pub kind: &'a str,
    pub form: &'a str,
    pub created_at: chrono::NaiveDateTime,
}

pub fn count_categories(conn: &mut Conn) -> QueryResult<i64> {
    categories::table.count().get_result(conn)
}

pub fn insert_category(conn: &mut Conn, new: &NewCategory) -> QueryResult<i64> {
    diesel::insert_into(categories::table)
        .values(new)
        .returning(categories::id)
        .get_result(conn)
}

pub fn insert_procedure(conn: &mut Conn, new: &NewProcedure) -> QueryResult<i64> {
    diesel::insert_into(procedures::table)
        .values(new)
        .returning(procedures::id)
        .get_result(conn)
}

pub fn list_categories(conn: &mut Conn) -> QueryResult<Vec<CategoryRow>> {
    categories::table
        .order((categories::position, categories::id))
        .select(CategoryRow::as_select())
        .load(conn)
}

pub fn list_procedures(conn: &mut Conn) -> QueryResult<Vec<ProcedureRow>> {
    procedures::table
        .order((procedures::position, procedures::id))
        .select(ProcedureRow::as_select())
        .load(conn)
}

pub fn find_procedure_by_id(conn: &mut Conn, id: i64) -> QueryResult<Option<ProcedureRow>> {
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
        .select((ProcedureRow::as_select(), categories::name))
        .first(conn)
        .optional()
}
