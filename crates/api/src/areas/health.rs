//! `GET /api/health`: 200 when the database answers, 503 when it does not.

use actix_web::{get, web};
use domain::health::Health;
use domain::problem::Problem;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::{ApiError, ApiResult, ErrorKind};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health);
}

/// Health of the portal and its database.
#[utoipa::path(
    operation_id = "get_health",
    tag = "health",
    responses(
        (status = 200, description = "The portal and its database answer.", body = Health),
        (status = 503, description = "The database does not answer.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/health")]
pub async fn health(state: web::Data<AppState>) -> ApiResult<web::Json<Health>> {
    let backend = db::run(&state.pool, |conn| -> Result<&'static str, ApiError> {
        db::ping(conn).map_err(|e| {
            tracing::error!(error = %e, "health check query failed");
            ApiError::new(ErrorKind::Unavailable, "database_unavailable")
        })?;
        Ok(conn.backend().name())
    })
    .await?;
    Ok(web::Json(Health {
        status: "ok".into(),
        database: "ok".into(),
        backend: backend.into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}
