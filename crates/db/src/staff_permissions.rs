//! What an admin allowed a staff account beyond its role (`health`).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::ids::AccountId;
use domain::staff::StaffPermission;

use crate::schema::staff_permissions;
use crate::Conn;

pub fn has(conn: &mut Conn, account: AccountId, permission: StaffPermission) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        staff_permissions::table
            .filter(staff_permissions::account_id.eq(account))
            .filter(staff_permissions::permission.eq(permission)),
    ))
    .get_result(conn)
}

/// The permissions of these accounts.
pub fn of(
    conn: &mut Conn,
    accounts: &[AccountId],
) -> QueryResult<Vec<(AccountId, StaffPermission)>> {
    staff_permissions::table
        .filter(staff_permissions::account_id.eq_any(accounts))
        .order((staff_permissions::account_id, staff_permissions::permission))
        .select((staff_permissions::account_id, staff_permissions::permission))
        .load(conn)
}

/// Grants it (granting it again, even at the same moment, changes nothing).
pub fn grant(
    conn: &mut Conn,
    account: AccountId,
    permission: StaffPermission,
    by: AccountId,
    at: NaiveDateTime,
) -> QueryResult<()> {
    if has(conn, account, permission)? {
        return Ok(());
    }
    let inserted = diesel::insert_into(staff_permissions::table)
        .values((
            staff_permissions::account_id.eq(account),
            staff_permissions::permission.eq(permission),
            staff_permissions::granted_by.eq(by),
            staff_permissions::granted_at.eq(at),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(()),
        // Another admin granted it meanwhile.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(()),
        Err(e) => Err(e),
    }
}

pub fn revoke(conn: &mut Conn, account: AccountId, permission: StaffPermission) -> QueryResult<()> {
    diesel::delete(
        staff_permissions::table
            .filter(staff_permissions::account_id.eq(account))
            .filter(staff_permissions::permission.eq(permission)),
    )
    .execute(conn)
    .map(|_| ())
}
