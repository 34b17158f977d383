//! Accepting a fiche enfant: the child is found in (or added to) the household with its
//! legal guardian (and the guardian's partner, the new address), its school recorded for
//! the school year, its activities enrolled, its contacts, authorisations, transport and
//! health information recorded. One transaction with the acceptance; a value that cannot
//! be applied refuses it.

use domain::ids::{HouseholdId, PersonId};
use domain::profile::{MemberRole, RelationRole};
use domain::request::form::{contacts, Answers, ChoiceSource, NewPerson, PersonAnswer, SavedAs};
use domain::request::FormDefinition;

use super::fiche_people as people;
use crate::error::{ApiError, ApiResult};

pub fn apply(
    conn: &mut db::Conn,
    row: &db::requests::RequestRow,
    form: &FormDefinition,
    answers: &Answers,
    holder: PersonId,
) -> ApiResult<()> {
    let household = row.household_id;
    // The household may have changed since the family sent the fiche.
    crate::areas::requests::household_answers::check(conn, household, form, answers)?;
    let field = form
        .child_field()
        .ok_or_else(|| ApiError::field("answers", "required"))?;
    let child = match answers.get(&field.name).and_then(PersonAnswer::read) {
        Some(PersonAnswer::Member(id)) => id,
        Some(PersonAnswer::New(child)) => found_or_added(conn, household, &child)?,
        None => {
            return Err(ApiError::field(
                &format!("answers.{}", field.name),
                "required",
            ))
        }
    };
    // The documents provided for the child to add now concern it.
    db::documents::attach_to_child(conn, row.id, child)?;
    let now = db::now();
    let guardian = people::guardian(form, answers).unwrap_or(holder);
    people::relate(
        conn,
        household,
        guardian,
        child,
        RelationRole::LegalGuardian,
        now,
    )?;
    people::partner(conn, household, form, answers, guardian, now)?;
    people::new_addresses(conn, holder, form, answers, false)?;
    let answer = |source: ChoiceSource| {
        form.fields()
            .find(|f| f.choices_from == Some(source))
            .and_then(|f| answers.get(&f.name))
    };
    let text = |source| answer(source).and_then(|v| v.as_str()).map(str::to_string);
    let year = text(ChoiceSource::SchoolYears)
        .ok_or_else(|| ApiError::field("answers.school_year", "required"))?;
    if let (Some(establishment), Some(level)) = (
        text(ChoiceSource::Schools),
        text(ChoiceSource::SchoolLevels),
    ) {
        let class_name = answers
            .get("class_name")
            .and_then(|v| v.as_str())
            .map(str::trim);
        let class_name = class_name.filter(|c| !c.is_empty());
        db::enrolments::set_school(conn, child, &year, &establishment, &level, class_name, now)?;
    }
    let activities = answer(ChoiceSource::Activities)
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str());
    for activity in activities {
        db::enrolments::enrol(
            conn,
            &db::enrolments::NewEnrolment {
                household_id: household,
                person_id: child,
                activity,
                school_year: &year,
                request_id: row.id,
                created_at: now,
            },
        )?;
    }
    let of = db::child_records::RecordOf {
        household_id: household,
        person_id: child,
        school_year: &year,
        request_id: row.id,
        at: row.submitted_at.unwrap_or(now),
    };
    records(conn, of, form, answers)?;
    db::requests::set_person(conn, row.id, child)?;
    Ok(())
}

/// The contacts, authorisations, transport and health information the fiche asks for,
/// recorded on the child.
fn records(
    conn: &mut db::Conn,
    of: db::child_records::RecordOf,
    form: &FormDefinition,
    answers: &Answers,
) -> ApiResult<()> {
    if form.fields().any(|f| f.saved_as == Some(SavedAs::Contacts)) {
        db::child_records::replace_contacts(conn, of, &contacts(form, answers))?;
    }
    // Recorded when answered: no answer says nothing about the transport.
    let transport = form
        .fields()
        .filter(|f| f.saved_as == Some(SavedAs::Transport) && form.shown(f, answers))
        .find_map(|f| answers.get(&f.name).and_then(|v| v.as_array()));
    if let Some(items) = transport {
        let chosen = |value: &str| items.iter().any(|v| v == value);
        db::child_records::set_transport(conn, of, chosen("morning"), chosen("evening"))?;
    }
    let authorisations = form
        .fields()
        .filter(|f| f.saved_as == Some(SavedAs::Authorisation) && form.shown(f, answers));
    for field in authorisations {
        if let Some(granted) = answers.get(&field.name).and_then(|v| v.as_bool()) {
            db::child_records::set_authorisation(conn, of, &field.name, &field.label, granted)?;
        }
    }
    if form.fields().any(|f| f.is_health()) {
        let health = form.health_answers(answers);
        let lines: Vec<_> = health
            .iter()
            .map(|(f, value)| db::health::HealthAnswer {
                code: &f.name,
                label: &f.label,
                value,
            })
            .collect();
        db::health::replace(conn, of, &lines)?;
    }
    Ok(())
}

/// The household's child of that identity, or a child another household registered
/// (separated parents: linked, not duplicated), or a new person.
fn found_or_added(
    conn: &mut db::Conn,
    household: HouseholdId,
    child: &NewPerson,
) -> ApiResult<PersonId> {
    let known = db::persons::children_born_on(conn, child.birth_date)?;
    let same = known
        .iter()
        .filter(|p| child.is(&p.birth_name, &p.first_name, p.birth_date))
        .map(|p| p.id);
    let members = db::households::members(conn, household)?;
    let now = db::now();
    let mut others = Vec::new();
    for id in same {
        if members.iter().any(|m| m.person_id == id) {
            return Ok(id);
        }
        others.push(id);
    }
    let person = match others.first() {
        Some(id) => *id,
        None => people::insert(conn, child, now)?,
    };
    db::households::add_member(conn, household, person, MemberRole::Child, now)?;
    Ok(person)
}
