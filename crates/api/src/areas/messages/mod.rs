//! Messages ("Échanges"): the conversation between the town hall and a family, on one of
//! the family's requests, with files attached.

pub mod attachment_service;
mod attachments;
mod handlers;
pub mod service;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list)
        .service(handlers::unread)
        .service(handlers::open)
        .service(handlers::thread)
        .service(handlers::reply)
        .service(handlers::agent_thread)
        .service(handlers::write)
        .service(attachments::upload)
        .service(attachments::download)
        .service(attachments::agent_download)
        .service(attachments::file_as);
}
