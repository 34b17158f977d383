//! "Mon profil": the profile cards, and the direct changes (contacts, addresses).

pub mod certificate;
pub mod email;
mod handlers;
pub mod service;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::profile)
        .service(handlers::update_contacts)
        .service(handlers::add_address)
        .service(handlers::update_address)
        .service(handlers::delete_address)
        .service(handlers::school_certificate)
        .service(handlers::change_email)
        .service(handlers::confirm_email);
}
