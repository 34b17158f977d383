//! Inscriptions aux activités: a child's enrolments in the commune's activities for a
//! school year, recorded when the town hall accepts the fiche enfant. They are what lets
//! a family book in the Agenda; each household keeps its own.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::{HouseholdId, PersonId, RequestId};

use crate::schema::{enrolments, persons, school_enrolments};
use crate::Conn;

pub struct NewEnrolment<'a> {
    pub household_id: HouseholdId,
    pub person_id: PersonId,
    pub activity: &'a str,
    pub school_year: &'a str,
    pub request_id: RequestId,
    pub created_at: NaiveDateTime,
}

/// Enrols the child; an enrolment the household already has for that year stays as it
/// is. Returns whether it is new.
pub fn enrol(conn: &mut Conn, new: &NewEnrolment) -> QueryResult<bool> {
    let values = (
        enrolments::household_id.eq(new.household_id),
        enrolments::person_id.eq(new.person_id),
        enrolments::activity.eq(new.activity),
        enrolments::school_year.eq(new.school_year),
        enrolments::request_id.eq(new.request_id),
        enrolments::created_at.eq(new.created_at),
    );
    let added = crate::each_backend!(conn, c => diesel::insert_into(enrolments::table)
        .values(values)
        .on_conflict((
            enrolments::household_id,
            enrolments::person_id,
            enrolments::activity,
            enrolments::school_year,
        ))
        .do_nothing()
        .execute(c))?;
    Ok(added == 1)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = enrolments)]
pub struct EnrolmentRow {
    pub person_id: PersonId,
    pub activity: String,
    pub school_year: String,
}

/// The household's enrolments, latest school year first, children oldest first.
pub fn of_household(conn: &mut Conn, household: HouseholdId) -> QueryResult<Vec<EnrolmentRow>> {
    enrolments::table
        .inner_join(persons::table)
        .filter(enrolments::household_id.eq(household))
        .order((
            enrolments::school_year.desc(),
            persons::birth_date,
            enrolments::person_id,
            enrolments::id,
        ))
        .select(EnrolmentRow::as_select())
        .load(conn)
}

/// Records the child's school for a year, replacing what was recorded for that year.
pub fn set_school(
    conn: &mut Conn,
    person_id: PersonId,
    school_year: &str,
    establishment: &str,
    level: &str,
    class_name: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let this_year = school_enrolments::table
        .filter(school_enrolments::person_id.eq(person_id))
        .filter(school_enrolments::school_year.eq(school_year));
    let updated = diesel::update(this_year)
        .set((
            school_enrolments::establishment.eq(establishment),
            school_enrolments::level.eq(level),
            school_enrolments::class_name.eq(class_name),
        ))
        .execute(conn)?;
    if updated == 0 {
        crate::households::add_enrolment(
            conn,
            person_id,
            school_year,
            establishment,
            level,
            class_name,
            now,
        )?;
    }
    Ok(())
}
