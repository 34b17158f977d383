//! Typed calls to the portal's JSON API, under the relative `/api` of the page's origin.
//! Every call answers with the `domain` types or a `Problem` to show to the person.

pub mod account;
pub mod agenda;
pub mod agent;
pub mod agent_agenda;
pub mod auth;
pub mod captcha;
pub mod catalogue;
pub mod client;
pub mod documents;
mod files;
pub mod messages;
pub mod profile;
pub mod requests;
pub mod session;
