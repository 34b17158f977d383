//! The signed-in session, kept in `localStorage` under `guichet.session` so that it
//! survives a reload. The app's session context mirrors it.

use domain::auth::Session;
use gloo_storage::{LocalStorage, Storage};

const KEY: &str = "guichet.session";

pub fn load() -> Option<Session> {
    LocalStorage::get(KEY).ok()
}

pub fn store(session: &Session) {
    // Private browsing may refuse storage: the session then lasts as long as the page.
    let _ = LocalStorage::set(KEY, session);
}

pub fn clear() {
    LocalStorage::delete(KEY);
}
