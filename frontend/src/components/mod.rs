//! Reusable pieces of the pages: layout parts and accessible form controls.

pub mod account_menu;
pub mod captcha;
pub mod checkbox;
pub mod date_field;
pub mod detail_list;
pub mod disclosure;
pub mod error_summary;
pub mod field;
pub mod footer;
pub mod header;
pub mod new_password;
pub mod password_meter;
pub mod problem_alert;
pub mod require_login;
pub mod select_field;
