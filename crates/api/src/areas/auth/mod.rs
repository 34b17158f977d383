//! Login, sessions, logout, forgotten login or password, password change.

pub mod checks;
mod handlers;
pub mod refresh_cookie;
pub mod service;
pub mod sessions;
pub mod throttle;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::login)
        .service(handlers::refresh)
        .service(handlers::logout)
        .service(handlers::me)
        .service(handlers::change_password)
        .service(handlers::forgotten_login)
        .service(handlers::forgotten_password)
        .service(handlers::reset_info)
        .service(handlers::reset_password);
}
