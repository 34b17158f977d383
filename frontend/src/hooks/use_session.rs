//! The signed-in session as a context, so the header follows logins and logouts.
//! `localStorage` stays the source of truth across reloads; this mirrors it.

use std::rc::Rc;

use domain::auth::{Me, Session};
use yew::prelude::*;

use crate::api::client::Authed;
use crate::api::{account, session};

#[derive(Clone, PartialEq)]
pub struct SessionContext {
    pub session: Option<Rc<Session>>,
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
        set,
    };

    // A stored session may have been closed elsewhere (logout on another device, expired
    // refresh token): check it once at start and refresh the greeting's name.
    {
        let context = context.clone();
        use_effect_with((), move |_| {
            if context.session.is_some() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let (Ok(me), Some(mut stored)) =
                        (account::me(&context.authed()).await, session::load())
                    {
                        stored.account = me;
                        context.sign_in(stored);
                    }
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
