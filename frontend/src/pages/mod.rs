//! One module per portal area; each page sets its title and renders one `h1`.

pub mod account;
pub mod agenda;
pub mod agent;
pub mod auth;
pub mod exchanges;
pub mod home;
pub mod not_found;
pub mod procedures;
pub mod requests;
pub mod terms;
