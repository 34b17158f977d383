//! The town-hall agents' area: the request inbox and households (read-only), and staff
//! management for admins.

mod apply;
mod correction;
mod fiche;
mod fiche_people;
mod handlers;
pub mod health;
pub mod service;
pub mod staff;
mod staff_handlers;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::inbox)
        .service(handlers::detail)
        .service(handlers::take)
        .service(handlers::comment)
        .service(handlers::correct)
        .service(handlers::accept)
        .service(handlers::refuse)
        .service(handlers::household)
        .service(handlers::add_enrolment)
        .service(staff_handlers::list_staff)
        .service(staff_handlers::create_staff)
        .service(staff_handlers::disable_staff)
        .service(staff_handlers::enable_staff)
        .service(staff_handlers::grant_permission)
        .service(staff_handlers::withdraw_permission)
        .service(staff_handlers::health_accesses);
}
