//! Named addresses of a person; exactly one is the default while any exists.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::{AddressId, PersonId};

use crate::schema::addresses;
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = addresses)]
pub struct AddressRow {
    pub id: AddressId,
    pub person_id: PersonId,
    pub name: String,
    pub country: String,
    pub city: String,
    pub postal_code: String,
    pub street_number: Option<String>,
    pub street_number_complement: Option<String>,
    pub street: String,
    pub street_complement: Option<String>,
    pub is_default: bool,
}

#[derive(Debug, AsChangeset, Insertable)]
#[diesel(table_name = addresses, treat_none_as_null = true)]
pub struct AddressFields {
    pub name: String,
    pub country: String,
    pub city: String,
    pub postal_code: String,
    pub street_number: Option<String>,
    pub street_number_complement: Option<String>,
    pub street: String,
    pub street_complement: Option<String>,
    pub is_default: bool,
    pub updated_at: NaiveDateTime,
}

/// The default address first, then by creation.
pub fn list(conn: &mut Conn, person_id: PersonId) -> QueryResult<Vec<AddressRow>> {
    addresses::table
        .filter(addresses::person_id.eq(person_id))
        .order((addresses::is_default.desc(), addresses::id))
        .select(AddressRow::as_select())
        .load(conn)
}

/// An address of `person_id`; `None` for anybody else's.
pub fn find(
    conn: &mut Conn,
    id: AddressId,
    person_id: PersonId,
) -> QueryResult<Option<AddressRow>> {
    addresses::table
        .find(id)
        .filter(addresses::person_id.eq(person_id))
        .select(AddressRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(
    conn: &mut Conn,
    person_id: PersonId,
    fields: &AddressFields,
    now: NaiveDateTime,
) -> QueryResult<AddressId> {
    diesel::insert_into(addresses::table)
        .values((
            fields,
            addresses::person_id.eq(person_id),
            addresses::created_at.eq(now),
        ))
        .returning(addresses::id)
        .get_result(conn)
}

pub fn update(conn: &mut Conn, id: AddressId, fields: &AddressFields) -> QueryResult<usize> {
    diesel::update(addresses::table.find(id))
        .set(fields)
        .execute(conn)
}

pub fn delete(conn: &mut Conn, id: AddressId) -> QueryResult<usize> {
    diesel::delete(addresses::table.find(id)).execute(conn)
}

/// Makes `id` the only default address of `person_id`.
pub fn make_default(conn: &mut Conn, person_id: PersonId, id: AddressId) -> QueryResult<()> {
    diesel::update(addresses::table.filter(addresses::person_id.eq(person_id)))
        .set(addresses::is_default.eq(addresses::id.eq(id)))
        .execute(conn)?;
    Ok(())
}
