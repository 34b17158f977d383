//! The Guichet API server: configuration, startup, errors, auth and one module per area.

pub mod admin_cli;
pub mod areas;
pub mod auth_user;
pub mod client_ip;
pub mod config;
pub mod error;
pub mod extract;
pub mod housekeeping;
pub mod links;
pub mod mail;
pub mod openapi;
mod openapi_contract;
pub mod pdf;
pub mod private_files;
pub mod rate_limit;
pub mod request_id;
pub mod request_span;
pub mod security;
pub mod security_headers;
pub mod spa;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;
pub mod town_clock;

pub use config::Settings;
pub use startup::Application;
