//! "Recopiez les caractères de l'image", and its accessible alternative (proof of work).

mod handlers;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::image)
        .service(handlers::pow)
        .service(handlers::check);
}
