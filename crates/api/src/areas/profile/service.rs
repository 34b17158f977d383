//! The profile of the signed-in account holder, and the changes made without a request.

use domain::ids::{AccountId, AddressId, HouseholdId};
use domain::profile::{Address, AddressInput, Contacts, ContactsInput, MemberRole, Profile};

use super::views;
use crate::config::schooling::ActivitySettings;
use crate::error::{ApiError, ApiResult};

/// The text trimmed, `None` when blank.
pub fn nonempty(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The account and its household. Every profile call goes through here, so a citizen only
/// ever reaches their own person and household.
pub fn holder(
    conn: &mut db::Conn,
    account_id: AccountId,
) -> ApiResult<(db::accounts::AccountRow, HouseholdId)> {
    let account = db::accounts::find(conn, account_id)?.ok_or_else(ApiError::unauthenticated)?;
    let household =
        db::households::of_holder(conn, account.person_id)?.ok_or_else(ApiError::not_found)?;
    Ok((account, household))
}

pub fn profile(
    conn: &mut db::Conn,
    activities: &[ActivitySettings],
    account_id: AccountId,
) -> ApiResult<Profile> {
    let (account, household) = holder(conn, account_id)?;
    profile_of(conn, activities, &account, household)
}

/// A household's profile, read-only for agents: its holder's data and its members.
pub fn household_profile(
    conn: &mut db::Conn,
    activities: &[ActivitySettings],
    household: HouseholdId,
) -> ApiResult<Profile> {
    let holder_person =
        db::households::holder_of(conn, household)?.ok_or_else(ApiError::not_found)?;
    let account = db::accounts::of_person(conn, holder_person)?.ok_or_else(ApiError::not_found)?;
    profile_of(conn, activities, &account, household)
}

fn profile_of(
    conn: &mut db::Conn,
    activities: &[ActivitySettings],
    account: &db::accounts::AccountRow,
    household: HouseholdId,
) -> ApiResult<Profile> {
    let account = account.clone();
    let person = db::persons::find(conn, account.person_id)?.ok_or_else(ApiError::not_found)?;
    let members = views::members(db::households::members(conn, household)?);
    let children: Vec<_> = members
        .iter()
        .filter(|m| m.role == MemberRole::Child)
        .map(|m| m.person_id)
        .collect();
    let phones = db::contacts::find(conn, account.person_id)?.unwrap_or_default();
    Ok(Profile {
        civil: views::civil(person).ok_or_else(ApiError::not_found)?,
        social: views::social(db::households::social_data(conn, household)?.unwrap_or_default()),
        contacts: Contacts {
            landline: phones.landline,
            mobile: phones.mobile,
            work_phone: phones.work_phone,
            email: account.email,
        },
        addresses: db::addresses::list(conn, account.person_id)?
            .into_iter()
            .map(views::address)
            .collect(),
        schooled_children: views::enrolments(
            db::households::enrolments(conn, &children)?,
            &members,
        ),
        activities: views::activities(
            db::enrolments::of_household(conn, household)?,
            &members,
            activities,
        ),
        child_contacts: views::contacts(db::child_records::contacts(conn, household)?, &members),
        authorisations: views::authorisations(
            db::child_records::authorisations(conn, household)?,
            &members,
        ),
        transports: views::transports(db::child_records::transports(conn, household)?, &members),
        health: views::health(db::health::of_household(conn, household)?, &members),
        health_withheld: false,
        relations: views::relations(db::households::relations(conn, household)?, &members),
        household: members,
    })
}

pub fn update_contacts(
    conn: &mut db::Conn,
    account_id: AccountId,
    input: &ContactsInput,
) -> ApiResult<Contacts> {
    let (account, _) = holder(conn, account_id)?;
    let phone = |value: &Option<String>| -> Option<String> {
        nonempty(value).and_then(|v| domain::phone::normalise(&v).ok())
    };
    let row = db::contacts::ContactsRow {
        landline: phone(&input.landline),
        mobile: phone(&input.mobile),
        work_phone: phone(&input.work_phone),
    };
    db::contacts::save(conn, account.person_id, &row, db::now())?;
    Ok(Contacts {
        landline: row.landline,
        mobile: row.mobile,
        work_phone: row.work_phone,
        email: account.email,
    })
}

/// Adds (`id` = None) or changes an address, keeping exactly one default.
pub fn save_address(
    conn: &mut db::Conn,
    account_id: AccountId,
    id: Option<AddressId>,
    input: &AddressInput,
) -> ApiResult<Address> {
    let (account, _) = holder(conn, account_id)?;
    let person_id = account.person_id;
    db::transaction(conn, |conn| {
        db::persons::lock(conn, person_id)?;
        let existing = db::addresses::list(conn, person_id)?;
        let current = match id {
            Some(id) => Some(
                existing
                    .iter()
                    .find(|a| a.id == id)
                    .ok_or_else(ApiError::not_found)?,
            ),
            None => None,
        };
        // The first address is the default; the default stays so unless another takes it.
        let is_default =
            input.is_default || existing.is_empty() || current.is_some_and(|a| a.is_default);
        let fields = db::addresses::AddressFields {
            name: input.name.trim().into(),
            country: input.country.trim().into(),
            city: input.city.trim().to_uppercase(),
            postal_code: input.postal_code.trim().to_uppercase(),
            street_number: nonempty(&input.street_number),
            street_number_complement: nonempty(&input.street_number_complement),
            street: input.street.trim().into(),
            street_complement: nonempty(&input.street_complement),
            is_default,
            updated_at: db::now(),
        };
        let id = match id {
            Some(id) => {
                db::addresses::update(conn, id, &fields)?;
                id
            }
            None => db::addresses::insert(conn, person_id, &fields, db::now())?,
        };
        if is_default {
            db::addresses::make_default(conn, person_id, id)?;
        }
        let saved = db::addresses::find(conn, id, person_id)?.ok_or_else(ApiError::not_found)?;
        Ok(views::address(saved))
    })
}

pub fn delete_address(conn: &mut db::Conn, account_id: AccountId, id: AddressId) -> ApiResult<()> {
    let (account, _) = holder(conn, account_id)?;
    let person_id = account.person_id;
    db::transaction(conn, |conn| {
        db::persons::lock(conn, person_id)?;
        let address = db::addresses::find(conn, id, person_id)?.ok_or_else(ApiError::not_found)?;
        db::addresses::delete(conn, id)?;
        if address.is_default {
            if let Some(next) = db::addresses::list(conn, person_id)?.first() {
                db::addresses::make_default(conn, person_id, next.id)?;
            }
        }
        Ok(())
    })
}
