//! Phone numbers of a person.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::PersonId;

use crate::each_backend;
use crate::schema::contacts;
use crate::Conn;

#[derive(Debug, Clone, Default, Queryable, Selectable)]
#[diesel(table_name = contacts)]
pub struct ContactsRow {
    pub landline: Option<String>,
    pub mobile: Option<String>,
    pub work_phone: Option<String>,
}

pub fn find(conn: &mut Conn, person_id: PersonId) -> QueryResult<Option<ContactsRow>> {
    contacts::table
        .find(person_id)
        .select(ContactsRow::as_select())
        .first(conn)
        .optional()
}

pub fn save(
    conn: &mut Conn,
    person_id: PersonId,
    row: &ContactsRow,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let values = (
        contacts::person_id.eq(person_id),
        contacts::landline.eq(&row.landline),
        contacts::mobile.eq(&row.mobile),
        contacts::work_phone.eq(&row.work_phone),
        contacts::updated_at.eq(now),
    );
    each_backend!(conn, c => diesel::insert_into(contacts::table)
        .values(values)
        .on_conflict(contacts::person_id)
        .do_update()
        .set(values)
        .execute(c))
}
