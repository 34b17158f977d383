//! Answers that name the household's own things: a child, an adult, an address. The form
//! check only knows their ids are ids; here each must be the caller's household's (a
//! child for a `child`, an adult for an `adult`, the holder's address for an `address`),
//! so a family never names another's.

use domain::ids::{AddressId, HouseholdId, PersonId};
use domain::profile::MemberRole;
use domain::request::form::{Answers, SavedAs};
use domain::request::{FieldKind, FormDefinition};
use serde_json::Value;

use crate::error::{ApiError, ApiResult};

pub fn check(
    conn: &mut db::Conn,
    household: HouseholdId,
    form: &FormDefinition,
    answers: &Answers,
) -> ApiResult<()> {
    let asked = form
        .fields()
        .filter(|f| {
            matches!(
                f.kind,
                FieldKind::Child | FieldKind::Adult | FieldKind::Address
            )
        })
        .filter(|f| form.shown(f, answers));
    let mut members = None;
    let mut addresses = None;
    for field in asked {
        let Some(id) = answers.get(&field.name).and_then(Value::as_i64) else {
            continue;
        };
        let path = format!("answers.{}", field.name);
        let ok = if field.kind == FieldKind::Address {
            if addresses.is_none() {
                let holder =
                    db::households::holder_of(conn, household)?.ok_or_else(ApiError::not_found)?;
                addresses = Some(db::addresses::list(conn, holder)?);
            }
            let list = addresses.as_deref().unwrap_or_default();
            list.iter().any(|a| a.id == AddressId(id))
        } else {
            if members.is_none() {
                members = Some(db::households::members(conn, household)?);
            }
            let list = members.as_deref().unwrap_or_default();
            let wanted = |role: MemberRole| match field.kind {
                FieldKind::Child => role == MemberRole::Child,
                _ => role != MemberRole::Child,
            };
            list.iter()
                .any(|m| m.person_id == PersonId(id) && wanted(m.role))
        };
        if !ok {
            let code = if field.kind == FieldKind::Address {
                "not_your_address"
            } else {
                "not_a_member"
            };
            return Err(ApiError::field(&path, code));
        }
    }
    let saved = |kind: SavedAs| {
        form.fields()
            .find(|f| f.saved_as == Some(kind) && form.shown(f, answers))
            .and_then(|f| answers.get(&f.name).map(|v| (f, v)))
    };
    if let (Some((_, guardian)), Some((partner, same))) =
        (saved(SavedAs::Guardian), saved(SavedAs::Partner))
    {
        if guardian.is_i64() && guardian == same {
            return Err(ApiError::field(
                &format!("answers.{}", partner.name),
                "same_person",
            ));
        }
    }
    Ok(())
}
