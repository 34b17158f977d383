//! Households (foyers) and their members. A person may be a member of several
//! households; each household sees only its own members, relations and social data.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::ids::{EnrolmentId, HouseholdId, PersonId};
use domain::profile::{MemberRole, RelationRole};

use crate::schema::{
    household_members, household_social_data, households, persons, relations, school_enrolments,
};
use crate::Conn;

/// Creates the household of an account holder, with the holder as its first member.
pub fn create_for_holder(
    conn: &mut Conn,
    person_id: PersonId,
    now: NaiveDateTime,
) -> QueryResult<HouseholdId> {
    let id = diesel::insert_into(households::table)
        .values((
            households::holder_person_id.eq(person_id),
            households::created_at.eq(now),
        ))
        .returning(households::id)
        .get_result(conn)?;
    add_member(conn, id, person_id, MemberRole::AccountHolder, now)?;
    Ok(id)
}

pub fn add_member(
    conn: &mut Conn,
    household_id: HouseholdId,
    person_id: PersonId,
    role: MemberRole,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(household_members::table)
        .values((
            household_members::household_id.eq(household_id),
            household_members::person_id.eq(person_id),
            household_members::role.eq(role),
            household_members::created_at.eq(now),
        ))
        .execute(conn)
}

/// The household whose account holder is `person_id`.
pub fn of_holder(conn: &mut Conn, person_id: PersonId) -> QueryResult<Option<HouseholdId>> {
    households::table
        .filter(households::holder_person_id.eq(person_id))
        .select(households::id)
        .first(conn)
        .optional()
}

/// The account holder of a household.
pub fn holder_of(conn: &mut Conn, household_id: HouseholdId) -> QueryResult<Option<PersonId>> {
    households::table
        .find(household_id)
        .select(households::holder_person_id)
        .first(conn)
        .optional()
}

/// Whether the person is a child member of some household.
pub fn is_child(conn: &mut Conn, person_id: PersonId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        household_members::table
            .filter(household_members::person_id.eq(person_id))
            .filter(household_members::role.eq(MemberRole::Child)),
    ))
    .get_result(conn)
}

#[derive(Debug, Clone, Queryable)]
pub struct MemberRow {
    pub person_id: PersonId,
    pub role: MemberRole,
    pub first_name: String,
    pub birth_name: String,
    pub birth_date: Option<NaiveDate>,
}

/// Members in display order: the holder, other adults, then children (oldest first).
pub fn members(conn: &mut Conn, household_id: HouseholdId) -> QueryResult<Vec<MemberRow>> {
    household_members::table
        .inner_join(persons::table)
        .filter(household_members::household_id.eq(household_id))
        .order((persons::birth_date, persons::id))
        .select((
            household_members::person_id,
            household_members::role,
            persons::first_name,
            persons::birth_name,
            persons::birth_date,
        ))
        .load(conn)
}

#[derive(Debug, Clone, Default, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = household_social_data, treat_none_as_null = true)]
pub struct SocialRow {
    pub regime: Option<String>,
    pub reference_tax_income: Option<i64>,
    pub dependent_children: Option<i32>,
    pub caf_holder_name: Option<String>,
    pub caf_number: Option<String>,
    pub quotient: Option<i32>,
    pub monthly_income: Option<i64>,
    pub family_composition: Option<String>,
    pub family_quotient: Option<i32>,
}

pub fn social_data(conn: &mut Conn, household_id: HouseholdId) -> QueryResult<Option<SocialRow>> {
    household_social_data::table
        .find(household_id)
        .select(SocialRow::as_select())
        .first(conn)
        .optional()
}

#[derive(Debug, Clone, Queryable)]
pub struct RelationRow {
    pub person_id: PersonId,
    pub related_person_id: PersonId,
    pub role: RelationRole,
}

pub fn relations(conn: &mut Conn, household_id: HouseholdId) -> QueryResult<Vec<RelationRow>> {
    relations::table
        .filter(relations::household_id.eq(household_id))
        .order(relations::id)
        .select((
            relations::person_id,
            relations::related_person_id,
            relations::role,
        ))
        .load(conn)
}

pub fn add_relation(
    conn: &mut Conn,
    household_id: HouseholdId,
    person_id: PersonId,
    related_person_id: PersonId,
    role: RelationRole,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(relations::table)
        .values((
            relations::household_id.eq(household_id),
            relations::person_id.eq(person_id),
            relations::related_person_id.eq(related_person_id),
            relations::role.eq(role),
            relations::created_at.eq(now),
        ))
        .execute(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = school_enrolments)]
pub struct EnrolmentRow {
    pub id: EnrolmentId,
    pub person_id: PersonId,
    pub school_year: String,
    pub establishment: String,
    pub level: String,
    pub class_name: Option<String>,
}

/// School enrolments of the given people, latest school year first.
pub fn enrolments(conn: &mut Conn, person_ids: &[PersonId]) -> QueryResult<Vec<EnrolmentRow>> {
    school_enrolments::table
        .filter(school_enrolments::person_id.eq_any(person_ids))
        .order((school_enrolments::school_year.desc(), school_enrolments::id))
        .select(EnrolmentRow::as_select())
        .load(conn)
}

/// Replaces the household's social data.
pub fn save_social_data(
    conn: &mut Conn,
    household_id: HouseholdId,
    row: &SocialRow,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let values = (
        row,
        household_social_data::household_id.eq(household_id),
        household_social_data::updated_at.eq(now),
    );
    let changes = (row, household_social_data::updated_at.eq(now));
    crate::each_backend!(conn, c => diesel::insert_into(household_social_data::table)
        .values(values)
        .on_conflict(household_social_data::household_id)
        .do_update()
        .set(changes)
        .execute(c))
}

pub fn add_enrolment(
    conn: &mut Conn,
    person_id: PersonId,
    school_year: &str,
    establishment: &str,
    level: &str,
    class_name: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<EnrolmentId> {
    diesel::insert_into(school_enrolments::table)
        .values((
            school_enrolments::person_id.eq(person_id),
            school_enrolments::school_year.eq(school_year),
            school_enrolments::establishment.eq(establishment),
            school_enrolments::level.eq(level),
            school_enrolments::class_name.eq(class_name),
            school_enrolments::created_at.eq(now),
        ))
        .returning(school_enrolments::id)
        .get_result(conn)
}

pub fn find_enrolment(conn: &mut Conn, id: EnrolmentId) -> QueryResult<Option<EnrolmentRow>> {
    school_enrolments::table
        .find(id)
        .select(EnrolmentRow::as_select())
        .first(conn)
        .optional()
}
