//! Justificatifs: the types a commune asks for, what each household still has to
//! provide, the upload into the object store and the agents' validation.

mod agent_handlers;
pub mod agent_service;
pub mod handlers;
pub mod incoming;
pub mod request_service;
pub mod requirements;
pub mod service;
pub mod usage;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::types)
        .service(handlers::required)
        .service(handlers::library)
        .service(handlers::upload)
        .service(handlers::download)
        .service(handlers::of_request)
        .service(agent_handlers::queue)
        .service(agent_handlers::download)
        .service(agent_handlers::validate)
        .service(agent_handlers::refuse)
        .service(agent_handlers::of_request)
        .service(agent_handlers::ask);
}
