//! Reusable pieces of the pages: layout parts and accessible form controls.

pub mod account_menu;
pub mod agent_nav;
pub mod captcha;
pub mod checkbox;
pub mod choice_group;
pub mod date_field;
pub mod detail_list;
pub mod disclosure;
pub mod error_summary;
pub mod field;
pub mod field_frame;
pub mod footer;
pub mod header;
pub mod load_error;
pub mod new_password;
pub mod password_meter;
pub mod problem_alert;
pub mod profile;
pub mod request_form;
pub mod request_table;
pub mod request_view;
pub mod require_login;
pub mod route_link;
pub mod select_field;
pub mod status_badge;
pub mod textarea_field;
