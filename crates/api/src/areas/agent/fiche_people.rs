//! The fiche's adults and address on acceptance: the legal guardian it names, the
//! partner (linked, or added to the household), a new address (added to the profile).

use chrono::NaiveDateTime;
use domain::ids::{HouseholdId, PersonId};
use domain::profile::{MemberRole, RelationRole};
use domain::request::form::{new_address, Answers, NewPerson, PersonAnswer, SavedAs};
use domain::request::{FieldKind, FormDefinition};

use crate::areas::profile::service::nonempty;
use crate::error::{ApiError, ApiResult};

fn answer<'a>(
    form: &'a FormDefinition,
    answers: &'a Answers,
    saved: SavedAs,
) -> Option<PersonAnswer> {
    let field = form
        .fields()
        .find(|f| f.saved_as == Some(saved) && form.shown(f, answers))?;
    answers.get(&field.name).and_then(PersonAnswer::read)
}

/// The household adult the fiche names as the child's legal guardian.
pub fn guardian(form: &FormDefinition, answers: &Answers) -> Option<PersonId> {
    match answer(form, answers, SavedAs::Guardian)? {
        PersonAnswer::Member(id) => Some(id),
        PersonAnswer::New(_) => None,
    }
}

/// Links `person` to `related` with `role`, once.
pub fn relate(
    conn: &mut db::Conn,
    household: HouseholdId,
    person: PersonId,
    related: PersonId,
    role: RelationRole,
    now: NaiveDateTime,
) -> ApiResult<()> {
    let known = db::households::relations(conn, household)?
        .into_iter()
        .any(|r| r.person_id == person && r.related_person_id == related && r.role == role);
    if !known {
        db::households::add_relation(conn, household, person, related, role, now)?;
    }
    Ok(())
}

/// The guardian's partner: an adult of the household, or a new one who joins it.
pub fn partner(
    conn: &mut db::Conn,
    household: HouseholdId,
    form: &FormDefinition,
    answers: &Answers,
    guardian: PersonId,
    now: NaiveDateTime,
) -> ApiResult<()> {
    let partner = match answer(form, answers, SavedAs::Partner) {
        None => return Ok(()),
        Some(PersonAnswer::Member(id)) => id,
        Some(PersonAnswer::New(person)) => {
            // Already added by the fiche of a brother or sister: the same person.
            let members = db::households::members(conn, household)?;
            let known = members.iter().find(|m| {
                m.role != MemberRole::Child && person.is(&m.birth_name, &m.first_name, m.birth_date)
            });
            match known {
                Some(m) => m.person_id,
                None => {
                    let id = insert(conn, &person, now)?;
                    db::households::add_member(conn, household, id, MemberRole::Adult, now)?;
                    id
                }
            }
        }
    };
    relate(
        conn,
        household,
        guardian,
        partner,
        RelationRole::Partner,
        now,
    )
}

/// Each new address the answers give joins the account holder's addresses (once); as
/// the default one when `main` (a change of address).
pub fn new_addresses(
    conn: &mut db::Conn,
    holder: PersonId,
    form: &FormDefinition,
    answers: &Answers,
    main: bool,
) -> ApiResult<()> {
    let account = db::accounts::of_person(conn, holder)?.ok_or_else(ApiError::not_found)?;
    let fields = form
        .fields()
        .filter(|f| f.kind == FieldKind::Address && form.shown(f, answers));
    for field in fields {
        let known = db::addresses::list(conn, holder)?;
        let chosen = match answers.get(&field.name) {
            // One of "Mes adresses", chosen: a change of address makes it the default.
            Some(value) if value.is_i64() => known
                .iter()
                .find(|a| Some(a.id.0) == value.as_i64())
                .map(|a| a.id),
            Some(value) => match new_address(value) {
                None => None,
                Some(mut address) => {
                    // Already added by another fiche of the family: not twice.
                    let key = |parts: [&str; 4]| parts.map(|p| domain::text::fold(p.trim()));
                    let wanted = key([
                        &address.postal_code,
                        &address.city,
                        address.street_number.as_deref().unwrap_or_default(),
                        &address.street,
                    ]);
                    let same = known.iter().find(|a| {
                        key([
                            &a.postal_code,
                            &a.city,
                            a.street_number.as_deref().unwrap_or_default(),
                            &a.street,
                        ]) == wanted
                    });
                    match same {
                        Some(a) => Some(a.id),
                        None => {
                            address.is_default |= main;
                            crate::areas::profile::service::save_address(
                                conn, account.id, None, &address,
                            )?;
                            None
                        }
                    }
                }
            },
            None => None,
        };
        if let (true, Some(id)) = (main, chosen) {
            db::addresses::make_default(conn, holder, id)?;
        }
    }
    Ok(())
}

/// A new person as the fiche describes them.
pub fn insert(conn: &mut db::Conn, person: &NewPerson, now: NaiveDateTime) -> ApiResult<PersonId> {
    Ok(db::accounts::insert_person(
        conn,
        &db::accounts::NewPerson {
            civility: person.sex.civility(),
            birth_name: person.birth_name.trim().to_uppercase(),
            first_name: person.first_name.trim().to_string(),
            second_first_name: nonempty(&person.second_first_name),
            third_first_name: nonempty(&person.third_first_name),
            birth_date: person.birth_date,
            birth_country: person.birth_country.trim().to_string(),
            birth_city: person.birth_city.trim().to_string(),
            birth_department: nonempty(&person.birth_department).map(|d| d.to_uppercase()),
            sex: Some(person.sex),
            updated_at: now,
        },
        now,
    )?)
}
