//! People's civil data.

use chrono::NaiveDate;
use diesel::prelude::*;
use domain::ids::PersonId;

use crate::schema::persons;
use crate::Conn;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = persons)]
pub struct PersonRow {
    pub id: PersonId,
    pub civility: domain::civility::Civility,
    pub birth_name: String,
    pub usage_name: Option<String>,
    pub first_name: String,
    pub second_first_name: Option<String>,
    pub third_first_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub birth_country: Option<String>,
    pub birth_city: Option<String>,
    pub birth_department: Option<String>,
    pub sex: Option<domain::civility::Sex>,
}

pub fn find(conn: &mut Conn, id: PersonId) -> QueryResult<Option<PersonRow>> {
    persons::table
        .find(id)
        .select(PersonRow::as_select())
        .first(conn)
        .optional()
}

/// `(id, first_name, birth_name)` of the given people.
pub fn names(conn: &mut Conn, ids: &[PersonId]) -> QueryResult<Vec<(PersonId, String, String)>> {
    persons::table
        .filter(persons::id.eq_any(ids))
        .select((persons::id, persons::first_name, persons::birth_name))
        .load(conn)
}

/// Changes of civil data applied by an accepted request; `None` leaves a value as is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = persons)]
pub struct CivilChanges {
    pub usage_name: Option<String>,
    pub second_first_name: Option<String>,
    pub third_first_name: Option<String>,
    pub updated_at: Option<chrono::NaiveDateTime>,
}

pub fn apply(conn: &mut Conn, id: PersonId, changes: &CivilChanges) -> QueryResult<usize> {
    diesel::update(persons::table.find(id))
        .set(changes)
        .execute(conn)
}

/// Serialises changes to one person's rows (e.g. "exactly one default address"): a row
/// lock on PostgreSQL; SQLite's `BEGIN IMMEDIATE` already runs writers one at a time.
/// Call inside a transaction.
pub fn lock(conn: &mut Conn, id: PersonId) -> QueryResult<()> {
    if let Conn::Pg(c) = conn {
        persons::table
            .find(id)
            .select(persons::id)
            .for_update()
            .first::<PersonId>(c)?;
    }
    Ok(())
}

/// The children of any household born on `date`: those a new child's identity may match
/// (separated parents each registering the same child).
pub fn children_born_on(conn: &mut Conn, date: NaiveDate) -> QueryResult<Vec<PersonRow>> {
    use crate::schema::household_members;
    use domain::profile::MemberRole;
    persons::table
        .filter(persons::birth_date.eq(date))
        .filter(
            persons::id.eq_any(
                household_members::table
                    .filter(household_members::role.eq(MemberRole::Child))
                    .select(household_members::person_id),
            ),
        )
        .order(persons::id)
        .select(PersonRow::as_select())
        .load(conn)
}
