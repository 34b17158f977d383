//! The signed-in session as a context, so the header follows logins and logouts. The
//! session lives in memory (see `api::session`); after a reload it is restored from the
//! refresh cookie, and pages for signed-in people wait for that before sending anyone
//! to the login page.

use std::rc::Rc;

use domain::auth::{Me, Session};
use yew::prelude::*;

use crate::api::client::{self, Authed};
use crate::api::session;

#[derive(Clone, PartialEq)]
pub struct SessionContext {
    pub session: Option<Rc<Session>>,
    /// True while a reloaded page asks the server for its session back.
    pub restoring: bool,
    set: Callback<Option<Session>>,
}

impl SessionContext {
    pub fn me(&self) -> Option<&Me> {
        self.session.as_deref().map(|s| &s.account)
    }

    pub fn sign_in(&self, session: Session) {
        self.set.emit(Some(session));
    }

    pub fn sign_out(&self) {
        self.set.emit(None);
    }

    /// A client for calls that need the bearer token; it reports refreshed or lost sessions.
    pub fn authed(&self) -> Authed {
        Authed {
            on_session: self.set.clone(),
        }
    }
}

#[hook]
pub fn use_session() -> SessionContext {
    use_context::<SessionContext>().expect("SessionProvider wraps the app")
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub children: Html,
}

#[function_component(SessionProvider)]
pub fn session_provider(props: &Props) -> Html {
    let state = use_state(|| session::load().map(Rc::new));
    let restoring = use_state(|| state.is_none() && session::may_be_signed_in());
    let set = {
        let setter = state.setter();
        use_callback((), move |next: Option<Session>, _| {
            match &next {
                Some(s) => session::store(s),
                None => session::clear(),
            }
            setter.set(next.map(Rc::new));
        })
    };
    let context = SessionContext {
        session: (*state).clone(),
        restoring: *restoring,
        set,
    };

    // A reloaded page: the refresh cookie gives the session back, unless it was closed
    // elsewhere (logout on another device, expired, password reset).
    {
        let (set, restoring) = (context.set.clone(), restoring.clone());
        use_effect_with((), move |_| {
            if *restoring {
                wasm_bindgen_futures::spawn_local(async move {
                    set.emit(client::refresh_from_cookie().await.ok());
                    restoring.set(false);
                });
            }
        });
    }

    html! {
        <ContextProvider<SessionContext> {context}>
            { props.children.clone() }
        </ContextProvider<SessionContext>>
    }
}
