//! What accepting a request changes besides its status: the profile changes of the
//! "Mettre à jour mes informations personnelles" family of procedures (civil data, a new
//! address, social data, a new member) and the fiche enfant. The answers were
//! checked against the form when the citizen sent them.

use domain::catalogue::ProcedureKind;
use domain::civility::{Civility, Sex};
use domain::ids::{HouseholdId, PersonId};
use domain::profile::{MemberRole, RelationRole};
use domain::request::form::Answers;
use domain::validation::{department, optional_person_name, person_name, place};

use crate::areas::catalogue::service::procedure_view;
use crate::error::{ApiError, ApiResult};

pub fn accepted(conn: &mut db::Conn, row: &db::requests::RequestRow) -> ApiResult<()> {
    let procedure = db::catalogue::find_procedure_by_id(conn, row.procedure_id)?
        .ok_or_else(ApiError::not_found)?;
    let answers: Answers = serde_json::from_str(&row.answers).map_err(ApiError::internal)?;
    let holder =
        db::households::holder_of(conn, row.household_id)?.ok_or_else(ApiError::not_found)?;
    let procedure = procedure_view(procedure, String::new());
    match procedure.kind {
        ProcedureKind::Generic => Ok(()),
        ProcedureKind::PersonalDataUpdate => {
            civil_data(conn, row.person_id.unwrap_or(holder), &answers)?;
            // A change of address: the new one becomes the default address.
            super::fiche_people::new_addresses(conn, holder, &procedure.form, &answers, true)
        }
        ProcedureKind::SocialDataUpdate => social_data(conn, row.household_id, &answers),
        ProcedureKind::HouseholdMemberAddition => {
            new_member(conn, row.household_id, holder, &answers)
        }
        ProcedureKind::ChildRegistration => {
            super::fiche::apply(conn, row, &procedure.form, &answers, holder)
        }
    }
}

fn text(answers: &Answers, name: &str) -> Option<String> {
    answers
        .get(name)
        .and_then(|v| v.as_str())
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
}

fn number(answers: &Answers, name: &str) -> Option<i64> {
    answers.get(name).and_then(|v| v.as_i64())
}

fn civil_data(conn: &mut db::Conn, person: PersonId, answers: &Answers) -> ApiResult<()> {
    let changes = db::persons::CivilChanges {
        usage_name: text(answers, "usage_name"),
        second_first_name: text(answers, "second_first_name"),
        third_first_name: text(answers, "third_first_name"),
        updated_at: Some(db::now()),
    };
    db::persons::apply(conn, person, &changes)?;
    Ok(())
}

/// Answered values replace the stored ones; amounts are asked in euros, kept in cents.
fn social_data(conn: &mut db::Conn, household: HouseholdId, answers: &Answers) -> ApiResult<()> {
    let mut row = db::households::social_data(conn, household)?.unwrap_or_default();
    // The form's bounds keep answers in range; one that is not (a form changed since the
    // request was sent) refuses the acceptance rather than being dropped.
    let out_of_range = |name: &str| ApiError::field(&format!("answers.{name}"), "too_large");
    let small = |name: &str| {
        number(answers, name)
            .map(|n| i32::try_from(n).map_err(|_| out_of_range(name)))
            .transpose()
    };
    let euros = |name: &str| {
        number(answers, name)
            .map(|n| n.checked_mul(100).ok_or_else(|| out_of_range(name)))
            .transpose()
    };
    row.regime = text(answers, "regime").or(row.regime);
    row.reference_tax_income = euros("reference_tax_income")?.or(row.reference_tax_income);
    row.dependent_children = small("dependent_children")?.or(row.dependent_children);
    row.caf_holder_name = text(answers, "caf_holder_name").or(row.caf_holder_name);
    row.caf_number = text(answers, "caf_number").or(row.caf_number);
    row.quotient = small("quotient")?.or(row.quotient);
    row.monthly_income = euros("monthly_income")?.or(row.monthly_income);
    row.family_composition = text(answers, "family_composition").or(row.family_composition);
    row.family_quotient = small("family_quotient")?.or(row.family_quotient);
    db::households::save_social_data(conn, household, &row, db::now())?;
    Ok(())
}

/// A text answer that must pass a rule of the identity form.
fn checked(
    answers: &Answers,
    name: &str,
    rule: fn(&str) -> Result<(), validator::ValidationError>,
) -> ApiResult<String> {
    let value = text(answers, name).unwrap_or_default();
    rule(&value).map_err(|e| {
        let code = match e.code.as_ref() {
            "required" => "required",
            "too_long" => "too_long",
            "invalid_characters" => "invalid_characters",
            "invalid_department" => "invalid_department",
            _ => "invalid_name",
        };
        ApiError::field(&format!("answers.{name}"), code)
    })?;
    Ok(value)
}

/// Adds the child (or partner) described by the answers, with their relation to the holder.
/// The identity passes the same rules as at account creation.
fn new_member(
    conn: &mut db::Conn,
    household: HouseholdId,
    holder: PersonId,
    answers: &Answers,
) -> ApiResult<()> {
    let required = |name: &str| {
        text(answers, name).ok_or_else(|| ApiError::field(&format!("answers.{name}"), "required"))
    };
    let partner = text(answers, "relation").as_deref() == Some("partner");
    let sex = text(answers, "sex")
        .map(|s| Sex::parse(&s).ok_or_else(|| ApiError::field("answers.sex", "invalid_value")))
        .transpose()?;
    let now = db::now();
    let birth_date = chrono::NaiveDate::parse_from_str(&required("birth_date")?, "%Y-%m-%d")
        .map_err(|_| ApiError::field("answers.birth_date", "invalid_date"))?;
    domain::validation::birth_date(birth_date, chrono::Utc::now().date_naive()).map_err(|e| {
        ApiError::field(
            "answers.birth_date",
            if e.code == "date_in_future" {
                "date_in_future"
            } else {
                "date_too_old"
            },
        )
    })?;
    let birth_name = checked(answers, "birth_name", person_name)?;
    let first_name = checked(answers, "first_name", person_name)?;
    checked(answers, "second_first_name", optional_person_name)?;
    checked(answers, "third_first_name", optional_person_name)?;
    let birth_country = checked(answers, "birth_country", place)?;
    let birth_city = checked(answers, "birth_city", place)?;
    checked(answers, "birth_department", department)?;
    let person = db::accounts::insert_person(
        conn,
        &db::accounts::NewPerson {
            civility: sex.map_or(Civility::Monsieur, Sex::civility),
            birth_name,
            first_name,
            second_first_name: text(answers, "second_first_name"),
            third_first_name: text(answers, "third_first_name"),
            birth_date,
            birth_country,
            birth_city,
            birth_department: text(answers, "birth_department").map(|d| d.to_uppercase()),
            sex,
            updated_at: now,
        },
        now,
    )?;
    let (member_role, relation) = if partner {
        (MemberRole::Adult, RelationRole::Partner)
    } else {
        (MemberRole::Child, RelationRole::LegalGuardian)
    };
    db::households::add_member(conn, household, person, member_role, now)?;
    db::households::add_relation(conn, household, holder, person, relation, now)?;
    Ok(())
}
