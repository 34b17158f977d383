//! Agenda: the family books its children's canteen, garderie and leisure-centre days;
//! every rule (days, enrolment, deadlines, capacity and waiting list) is enforced here.

mod agent_handlers;
mod attendance;
mod bulk;
mod feed;
mod feed_handlers;
mod handlers;
mod history;
mod offer;
mod on_behalf;
mod person;
mod roster;
mod rules;
mod service;
mod view;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    // The history's path is more specific than the agenda's: it goes first.
    cfg.service(handlers::history)
        .service(handlers::agenda)
        .service(handlers::book)
        .service(handlers::cancel)
        .service(handlers::bulk)
        .service(feed_handlers::status)
        .service(feed_handlers::renew)
        .service(feed_handlers::revoke)
        .service(feed_handlers::ics)
        .service(agent_handlers::agenda_day)
        .service(agent_handlers::unit_day)
        .service(agent_handlers::record_attendance)
        .service(agent_handlers::book)
        .service(agent_handlers::cancel);
}
