//! One module per portal area: routes (`mod.rs`), handlers (HTTP only) and a service
//! (business rules, one transaction).

pub mod accounts;
pub mod agenda;
pub mod agent;
pub mod auth;
pub mod captcha;
pub mod catalogue;
pub mod documents;
pub mod health;
pub mod messages;
pub mod profile;
pub mod requests;

use utoipa_actix_web::service_config::ServiceConfig;

/// Every route under `/api`.
pub fn configure(cfg: &mut ServiceConfig) {
    health::configure(cfg);
    catalogue::configure(cfg);
    captcha::configure(cfg);
    accounts::configure(cfg);
    auth::configure(cfg);
    profile::configure(cfg);
    requests::configure(cfg);
    agent::configure(cfg);
    documents::configure(cfg);
    messages::configure(cfg);
    agenda::configure(cfg);
}
