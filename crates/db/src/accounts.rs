//! People and their accounts.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::ids::{AccountId, PersonId};

use domain::account::AccountStatus;
use domain::auth::Role;
use domain::civility::{Civility, Sex};

use crate::schema::{accounts, persons};
use crate::Conn;

#[derive(Debug, Insertable, AsChangeset)]
#[diesel(table_name = persons)]
pub struct NewPerson {
    pub civility: Civility,
    pub birth_name: String,
    pub first_name: String,
    pub second_first_name: Option<String>,
    pub third_first_name: Option<String>,
    pub birth_date: NaiveDate,
    pub birth_country: String,
    pub birth_city: String,
    pub birth_department: Option<String>,
    /// Asked of children; not of account holders.
    pub sex: Option<Sex>,
    pub updated_at: NaiveDateTime,
}

/// A town-hall staff member: names only, no birth data.
#[derive(Debug, Insertable)]
#[diesel(table_name = persons)]
pub struct NewStaffPerson<'a> {
    pub civility: Civility,
    pub first_name: &'a str,
    pub birth_name: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert_staff_person(conn: &mut Conn, new: &NewStaffPerson) -> QueryResult<PersonId> {
    diesel::insert_into(persons::table)
        .values(new)
        .returning(persons::id)
        .get_result(conn)
}

/// Creates an active account (staff) with its login and no password yet.
pub fn insert_active(
    conn: &mut Conn,
    new: &NewAccount,
    login: &str,
    now: NaiveDateTime,
) -> QueryResult<AccountId> {
    diesel::insert_into(accounts::table)
        .values((
            new,
            accounts::login.eq(login),
            accounts::activated_at.eq(now),
        ))
        .returning(accounts::id)
        .get_result(conn)
}

#[derive(Debug, Insertable)]
#[diesel(table_name = accounts)]
pub struct NewAccount<'a> {
    pub person_id: PersonId,
    pub email: &'a str,
    pub role: Role,
    pub status: AccountStatus,
    pub terms_accepted_at: NaiveDateTime,
    pub privacy_consent_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct AccountRow {
    pub id: AccountId,
    pub person_id: PersonId,
    pub email: String,
    pub login: Option<String>,
    pub password_hash: Option<String>,
    pub role: Role,
    pub status: AccountStatus,
}

impl AccountRow {
    pub fn is_active(&self) -> bool {
        self.status == AccountStatus::Active
    }
}

/// An account with the names the portal greets it with.
#[derive(Debug, Clone, Queryable)]
pub struct AccountProfile {
    pub account: AccountRow,
    pub civility: Civility,
    pub first_name: String,
    pub birth_name: String,
}

pub fn insert_person(
    conn: &mut Conn,
    new: &NewPerson,
    now: NaiveDateTime,
) -> QueryResult<PersonId> {
    diesel::insert_into(persons::table)
        .values((new, persons::created_at.eq(now)))
        .returning(persons::id)
        .get_result(conn)
}

pub fn update_person(conn: &mut Conn, id: PersonId, changes: &NewPerson) -> QueryResult<usize> {
    diesel::update(persons::table.find(id))
        .set(changes)
        .execute(conn)
}

pub fn insert_account(conn: &mut Conn, new: &NewAccount) -> QueryResult<AccountId> {
    diesel::insert_into(accounts::table)
        .values(new)
        .returning(accounts::id)
        .get_result(conn)
}

/// Renews the consents of a pending account registered again.
pub fn renew_consents(conn: &mut Conn, id: AccountId, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id))
        .set((
            accounts::terms_accepted_at.eq(now),
            accounts::privacy_consent_at.eq(now),
        ))
        .execute(conn)
}

pub fn find(conn: &mut Conn, id: AccountId) -> QueryResult<Option<AccountRow>> {
    accounts::table
        .find(id)
        .select(AccountRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_email(conn: &mut Conn, email: &str) -> QueryResult<Option<AccountRow>> {
    accounts::table
        .filter(accounts::email.eq(email))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_login(conn: &mut Conn, login: &str) -> QueryResult<Option<AccountRow>> {
    accounts::table
        .filter(accounts::login.eq(login))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_profile(conn: &mut Conn, id: AccountId) -> QueryResult<Option<AccountProfile>> {
    accounts::table
        .inner_join(persons::table)
        .filter(accounts::id.eq(id))
        .select((
            AccountRow::as_select(),
            persons::civility,
            persons::first_name,
            persons::birth_name,
        ))
        .first(conn)
        .optional()
}

/// Logins already taken among `base`, `base2`, `base3`...: used to propose a free one.
pub fn logins_like(conn: &mut Conn, base: &str) -> QueryResult<Vec<String>> {
    let taken: Vec<Option<String>> = accounts::table
        .filter(
            accounts::login
                .like(format!("{}%", escape_like(base)))
                .escape('\\'),
        )
        .select(accounts::login)
        .load(conn)?;
    Ok(taken.into_iter().flatten().collect())
}

fn escape_like(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Activates a pending account with its login and password hash. Returns 0 when the
/// account was not pending any more.
pub fn activate(
    conn: &mut Conn,
    id: AccountId,
    login: &str,
    password_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        accounts::table
            .find(id)
            .filter(accounts::status.eq(AccountStatus::Pending)),
    )
    .set((
        accounts::login.eq(login),
        accounts::password_hash.eq(password_hash),
        accounts::status.eq(AccountStatus::Active),
        accounts::activated_at.eq(now),
    ))
    .execute(conn)
}

pub fn set_password(conn: &mut Conn, id: AccountId, password_hash: &str) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id))
        .set(accounts::password_hash.eq(password_hash))
        .execute(conn)
}

/// Changes the role of an account.
pub fn set_role(conn: &mut Conn, id: AccountId, role: Role) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id))
        .set(accounts::role.eq(role))
        .execute(conn)
}

/// `(account id, first_name, birth_name)` of the given accounts.
pub fn names(conn: &mut Conn, ids: &[AccountId]) -> QueryResult<Vec<(AccountId, String, String)>> {
    accounts::table
        .inner_join(persons::table)
        .filter(accounts::id.eq_any(ids))
        .select((accounts::id, persons::first_name, persons::birth_name))
        .load(conn)
}

/// The account of a person, if the person has one.
pub fn of_person(conn: &mut Conn, person_id: PersonId) -> QueryResult<Option<AccountRow>> {
    accounts::table
        .filter(accounts::person_id.eq(person_id))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()
}

/// Keeps the address a person asked to use until they confirm it.
pub fn set_pending_email(conn: &mut Conn, id: AccountId, email: &str) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id))
        .set(accounts::pending_email.eq(email))
        .execute(conn)
}

pub fn pending_email(conn: &mut Conn, id: AccountId) -> QueryResult<Option<String>> {
    accounts::table
        .find(id)
        .select(accounts::pending_email)
        .first(conn)
}

/// Makes the confirmed address the account's e-mail.
pub fn confirm_email(conn: &mut Conn, id: AccountId, email: &str) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id))
        .set((
            accounts::email.eq(email),
            accounts::pending_email.eq(None::<String>),
        ))
        .execute(conn)
}

/// Forgets registrations never activated, made before `before`, with their identity.
pub fn purge_pending(conn: &mut Conn, before: NaiveDateTime) -> QueryResult<usize> {
    let stale: Vec<(AccountId, PersonId)> = accounts::table
        .filter(accounts::status.eq(AccountStatus::Pending))
        .filter(accounts::created_at.lt(before))
        .select((accounts::id, accounts::person_id))
        .limit(1000)
        .load(conn)?;
    let (ids, persons): (Vec<AccountId>, Vec<PersonId>) = stale.into_iter().unzip();
    let purged = diesel::delete(accounts::table.filter(accounts::id.eq_any(&ids))).execute(conn)?;
    diesel::delete(persons::table.filter(persons::id.eq_any(&persons))).execute(conn)?;
    Ok(purged)
}

/// A staff account with its names, for "Comptes des agents".
#[derive(Debug, Clone, Queryable)]
pub struct StaffRow {
    pub id: AccountId,
    pub login: Option<String>,
    pub email: String,
    pub role: Role,
    pub status: AccountStatus,
    pub civility: Civility,
    pub first_name: String,
    pub birth_name: String,
}

type StaffColumns = (
    accounts::id,
    accounts::login,
    accounts::email,
    accounts::role,
    accounts::status,
    persons::civility,
    persons::first_name,
    persons::birth_name,
);

const STAFF_COLUMNS: StaffColumns = (
    accounts::id,
    accounts::login,
    accounts::email,
    accounts::role,
    accounts::status,
    persons::civility,
    persons::first_name,
    persons::birth_name,
);

/// Agents and admins, by name.
pub fn staff(conn: &mut Conn) -> QueryResult<Vec<StaffRow>> {
    accounts::table
        .inner_join(persons::table)
        .filter(accounts::role.ne(Role::Citizen))
        .order((persons::birth_name, persons::first_name, accounts::id))
        .select(STAFF_COLUMNS)
        .load(conn)
}

/// One agent or admin account.
pub fn staff_member(conn: &mut Conn, id: AccountId) -> QueryResult<Option<StaffRow>> {
    accounts::table
        .inner_join(persons::table)
        .filter(accounts::id.eq(id))
        .filter(accounts::role.ne(Role::Citizen))
        .select(STAFF_COLUMNS)
        .first(conn)
        .optional()
}

/// Moves an account from `from` to `to`; 0 when it was not in `from` any more.
pub fn set_status(
    conn: &mut Conn,
    id: AccountId,
    from: AccountStatus,
    to: AccountStatus,
) -> QueryResult<usize> {
    diesel::update(accounts::table.find(id).filter(accounts::status.eq(from)))
        .set(accounts::status.eq(to))
        .execute(conn)
}
