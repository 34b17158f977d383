//! Account creation ("Création de compte") and activation.

mod handlers;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::register)
        .service(handlers::activation_info)
        .service(handlers::activate);
}
