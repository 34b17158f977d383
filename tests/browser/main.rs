//! Browser tests: the SPA in real headless Chromium, driven over WebDriver, with axe-core
//! run on every screen. `cargo xtask test` builds the SPA and installs Chromium,
//! chromedriver and axe-core first.

mod agenda;
mod agenda_agent;
mod attachments;
mod documents;
mod driver;
mod email;
mod fiche_enfant;
mod fiche_hesdigneul;
mod fiche_isques;
mod fiche_sarrians;
mod form_conditions;
mod journeys;
mod menu;
mod messages;
mod person_modal;
mod phone;
mod profile;
mod requests;
mod schooling;
mod session;
mod spa;
