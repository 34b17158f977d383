//! Test support for the Guichet API and browser tests: `TestApp::spawn()` starts a real
//! server on its own database (a temp SQLite file, or a fresh PostgreSQL database when
//! `GUICHET_TEST_DATABASE_URL` is set) with a real SMTP receiver for its mail.

pub mod agenda;
pub mod app;
pub mod database;
pub mod dataset;
pub mod documents;
pub mod household;
pub mod people;
pub mod smtp;

pub use app::TestApp;
pub use smtp::{ReceivedMail, SmtpReceiver};
