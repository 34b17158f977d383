//! Health check body.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "ok", "database": "ok", "backend": "sqlite", "version": "0.1.0"})))]
pub struct Health {
    /// `ok`.
    pub status: String,
    /// `ok` when the database answered.
    pub database: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    pub version: String,
}
