//! "Mes demandes": the citizen's requests to the town hall.

mod handlers;
pub mod household_answers;
pub mod service;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list)
        .service(handlers::create)
        .service(handlers::detail)
        .service(handlers::update)
        .service(handlers::delete)
        .service(handlers::submit);
}
