//! The commune and its catalogue: public, cacheable.

mod handlers;
pub mod service;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::commune)
        .service(handlers::catalogue)
        .service(handlers::procedure);
}
