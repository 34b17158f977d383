//! The signed-in session, held in the page's memory only: the access token never reaches
//! `localStorage`, and the refresh token lives in the `guichet_refresh` cookie that
//! scripts cannot read. A reload gets a new access token from the cookie
//! (`POST /api/auth/refresh` with `{}`). The only thing stored is a hint, with no secret
//! in it, that this browser was signed in, so that anonymous visits do not ask.

use std::cell::RefCell;

use domain::auth::Session;
use gloo_storage::{LocalStorage, Storage};

const SIGNED_IN_HINT: &str = "guichet.connecte";
/// Where earlier versions kept the whole session, tokens included.
const FORMER_KEY: &str = "guichet.session";

thread_local! {
    static CURRENT: RefCell<Option<Session>> = const { RefCell::new(None) };
}

pub fn load() -> Option<Session> {
    CURRENT.with(|c| c.borrow().clone())
}

pub fn store(session: &Session) {
    CURRENT.with(|c| *c.borrow_mut() = Some(session.clone()));
    // Private browsing may refuse storage: a reload then asks to log in again.
    let _ = LocalStorage::set(SIGNED_IN_HINT, true);
}

pub fn clear() {
    CURRENT.with(|c| *c.borrow_mut() = None);
    LocalStorage::delete(SIGNED_IN_HINT);
}

/// Whether this browser may hold a refresh cookie worth trying. Also drops what earlier
/// versions stored.
pub fn may_be_signed_in() -> bool {
    LocalStorage::delete(FORMER_KEY);
    LocalStorage::get::<bool>(SIGNED_IN_HINT).unwrap_or(false)
}
