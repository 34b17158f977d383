//! App-wide state (session, commune) and small page behaviours.

pub mod use_captcha;
pub mod use_commune;
pub mod use_fetch;
pub mod use_page_title;
pub mod use_session;
pub mod use_submit;

pub use use_commune::{use_commune, CommuneProvider};
pub use use_page_title::use_page_title;
pub use use_session::{use_session, SessionProvider};
