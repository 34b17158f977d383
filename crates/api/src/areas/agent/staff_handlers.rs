//! "Comptes des agents" (admins only): list, create, disable and re-enable the town
//! hall's agent and administrator accounts; grant and withdraw their permissions; read
//! the log of the accesses to health information.

use actix_web::{delete, get, post, put, web, HttpResponse};
use domain::ids::AccountId;
use domain::problem::Problem;
use domain::staff::{
    HealthAccess, HealthAccessFilter, NewStaff, StaffCreated, StaffMember, StaffPermission,
};

use super::staff;
use crate::auth_user::AuthAdmin;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// The agent and administrator accounts, by name, with their state.
#[utoipa::path(
    operation_id = "list_staff",
    tag = "agent",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every staff account, active or disabled.", body = Vec<StaffMember>),
    )
)]
#[get("/admin/staff")]
pub async fn list_staff(
    state: web::Data<AppState>,
    _admin: AuthAdmin,
) -> ApiResult<web::Json<Vec<StaffMember>>> {
    Ok(web::Json(state.run(staff::list).await?))
}

/// Creates an agent or admin account (admins only). A link to choose a password is
/// e-mailed; there is never a default password.
#[utoipa::path(
    operation_id = "create_staff",
    tag = "agent",
    security(("bearer" = [])),
    request_body = NewStaff,
    responses(
        (status = 201, description = "Created; the password link was e-mailed.", body = StaffCreated),
        (status = 409, description = "The e-mail address has an account (`email_taken`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/staff")]
pub async fn create_staff(
    state: web::Data<AppState>,
    _admin: AuthAdmin,
    body: ValidJson<NewStaff>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let settings = state.settings.clone();
    let (created, _link) = state
        .run(move |conn| staff::create(conn, &settings, &body))
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// Disables a staff account: no more login, its sessions end at once.
#[utoipa::path(
    operation_id = "disable_staff",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = AccountId, Path, description = "Account id (from `list_staff`).")),
    responses(
        (status = 200, description = "The account, now disabled (already disabled: unchanged).", body = StaffMember),
        (status = 404, description = "No staff account with this id.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An administrator cannot disable their own account (`cannot_disable_self`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/staff/{id}/disable")]
pub async fn disable_staff(
    state: web::Data<AppState>,
    admin: AuthAdmin,
    id: web::Path<AccountId>,
) -> ApiResult<web::Json<StaffMember>> {
    let (id, me) = (id.into_inner(), admin.0.account_id);
    let member = state
        .run(move |conn| staff::set_active(conn, me, id, false))
        .await?;
    Ok(web::Json(member))
}

/// Re-enables a disabled staff account: the person logs in again with their password.
#[utoipa::path(
    operation_id = "enable_staff",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = AccountId, Path, description = "Account id (from `list_staff`).")),
    responses(
        (status = 200, description = "The account, now active (already active: unchanged).", body = StaffMember),
        (status = 404, description = "No staff account with this id.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/staff/{id}/enable")]
pub async fn enable_staff(
    state: web::Data<AppState>,
    admin: AuthAdmin,
    id: web::Path<AccountId>,
) -> ApiResult<web::Json<StaffMember>> {
    let (id, me) = (id.into_inner(), admin.0.account_id);
    let member = state
        .run(move |conn| staff::set_active(conn, me, id, true))
        .await?;
    Ok(web::Json(member))
}

/// Grants a permission to a staff account (`health`: reading the children's health
/// information, every reading logged). Granting it again changes nothing.
#[utoipa::path(
    operation_id = "grant_staff_permission",
    tag = "agent",
    security(("bearer" = [])),
    params(
        ("id" = AccountId, Path, description = "Account id (from `list_staff`)."),
        ("permission" = StaffPermission, Path, description = "The permission."),
    ),
    responses(
        (status = 200, description = "The account with its permissions.", body = StaffMember),
        (status = 404, description = "No staff account with this id, or no such permission.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/admin/staff/{id}/permissions/{permission}")]
pub async fn grant_permission(
    state: web::Data<AppState>,
    admin: AuthAdmin,
    path: web::Path<(AccountId, StaffPermission)>,
) -> ApiResult<web::Json<StaffMember>> {
    let ((id, permission), me) = (path.into_inner(), admin.0.account_id);
    let member = state
        .run(move |conn| staff::set_permission(conn, me, id, permission, true))
        .await?;
    Ok(web::Json(member))
}

/// Withdraws a permission from a staff account (not having it changes nothing).
#[utoipa::path(
    operation_id = "withdraw_staff_permission",
    tag = "agent",
    security(("bearer" = [])),
    params(
        ("id" = AccountId, Path, description = "Account id (from `list_staff`)."),
        ("permission" = StaffPermission, Path, description = "The permission."),
    ),
    responses(
        (status = 200, description = "The account with its permissions.", body = StaffMember),
        (status = 404, description = "No staff account with this id, or no such permission.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/staff/{id}/permissions/{permission}")]
pub async fn withdraw_permission(
    state: web::Data<AppState>,
    admin: AuthAdmin,
    path: web::Path<(AccountId, StaffPermission)>,
) -> ApiResult<web::Json<StaffMember>> {
    let ((id, permission), me) = (path.into_inner(), admin.0.account_id);
    let member = state
        .run(move |conn| staff::set_permission(conn, me, id, permission, false))
        .await?;
    Ok(web::Json(member))
}

/// "Journal des accès aux données de santé": each time an agent was shown a household's
/// health information, newest first (the latest 500).
#[utoipa::path(
    operation_id = "list_health_accesses",
    tag = "agent",
    security(("bearer" = [])),
    params(HealthAccessFilter),
    responses(
        (status = 200, description = "The accesses, newest first.", body = Vec<HealthAccess>),
        (status = 400, description = "A filter cannot be read (`invalid_query`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/health-accesses")]
pub async fn health_accesses(
    state: web::Data<AppState>,
    _admin: AuthAdmin,
    filter: web::Query<HealthAccessFilter>,
) -> ApiResult<web::Json<Vec<HealthAccess>>> {
    let household = filter.into_inner().household_id;
    Ok(web::Json(
        state
            .run(move |conn| super::health::accesses(conn, household))
            .await?,
    ))
}
