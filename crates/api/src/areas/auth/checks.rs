//! The password steps that surround argon2: counted in one unit of work, hashed on the
//! bounded hasher with no connection held, settled in another unit of work. Handlers of
//! every area call these rather than hashing themselves.

use crate::error::ApiResult;
use crate::state::AppState;
use domain::ids::AccountId;

use super::service;

/// Checks the signed-in person's current password (before a password or e-mail change);
/// the account when it is right, 422 `wrong_password` or 429 otherwise.
pub async fn current_password(
    state: &AppState,
    account_id: AccountId,
    password: String,
) -> ApiResult<db::accounts::AccountRow> {
    let check = state
        .run(move |conn| service::begin_current_password(conn, account_id))
        .await?;
    let verified = state.hasher.verify(password, check.stored_hash()).await?;
    state
        .run(move |conn| service::finish_current_password(conn, check, verified))
        .await
}

/// The hash of a new password.
pub async fn new_password_hash(state: &AppState, password: String) -> ApiResult<String> {
    Ok(state.hasher.hash(password).await?)
}
