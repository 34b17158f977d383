//! People's civil data.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::schema::persons;
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = persons)]
pub struct PersonRow {
    pub id: i64,
    pub civility: String,
    pub birth_name: String,
    pub usage_name: Option<String>,
    pub first_name: String,
    pub second_first_name: Option<String>,
    pub third_first_name: Option<String>,
    pub birth_date: NaiveDate,
    pub birth_country: String,
    pub birth_city: String,
    pub birth_department: Option<String>,
    pub sex: Option<String>,
}

pub fn find(conn: &mut Conn, id: i64) -> QueryResult<Option<PersonRow>> {
    persons::table
        .find(id)
        .select(PersonRow::as_select())
        .first(conn)
        .optional()
}
