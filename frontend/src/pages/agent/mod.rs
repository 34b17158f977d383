//! The agents' area: the inbox of requests, one request and its workflow, a household
//! (read-only, but for recording the children's school enrolments) and, for admins, new
//! staff accounts. The API refuses citizens (403); the pages then say so.

mod actions;
pub mod agenda;
mod correction;
pub mod documents;
mod enrolment;
mod file_as;
mod filter_form;
pub mod household;
pub mod inbox;
mod messages;
pub mod request;
mod request_documents;
pub mod staff;
