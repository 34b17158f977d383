//! Types and rules shared by the Guichet server and its single-page app.
//!
//! This crate builds for `wasm32-unknown-unknown` as well as natively: it holds no
//! database or HTTP code. What a citizen may type is checked here once, so the SPA shows
//! exactly the rules the server enforces. OpenAPI derives sit behind the `openapi` feature.

pub mod account;
mod address_lines;
pub mod agenda;
pub mod auth;
pub mod captcha;
pub mod catalogue;
pub mod child_records;
pub mod civility;
pub mod document;
pub mod email;
pub mod health;
pub mod ids;
pub mod login;
pub mod message;
pub mod messages;
pub mod money;
pub mod password;
pub mod phone;
pub mod pow;
pub mod problem;
pub mod profile;
pub mod request;
pub mod staff;
pub mod text;
mod text_enum;
pub mod validation;
