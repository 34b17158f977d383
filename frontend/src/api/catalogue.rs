//! The commune and its catalogue of procedures (public).

use domain::catalogue::{Catalogue, Commune, Procedure};

use super::client::{self, encode, ApiResult};

pub async fn commune() -> ApiResult<Commune> {
    client::get("/commune").await
}

pub async fn catalogue() -> ApiResult<Catalogue> {
    client::get("/catalogue").await
}

pub async fn procedure(slug: &str) -> ApiResult<Procedure> {
    client::get(&format!("/procedures/{}", encode(slug))).await
}
