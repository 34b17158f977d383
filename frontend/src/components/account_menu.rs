//! "Mon compte": a disclosure button with "Mon profil" and "Déconnexion". It closes on
//! Escape (focus back on the button), on a choice, and when the focus leaves it.

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::auth;
use crate::hooks::use_session;
use crate::route::Route;

#[function_component(AccountMenu)]
pub fn account_menu() -> Html {
    let open = use_state(|| false);
    let container = use_node_ref();
    let button = use_node_ref();
    let session = use_session();
    let navigator = use_navigator();

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let (open, button) = (open.clone(), button.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                open.set(false);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    let onfocusout = {
        let (open, container) = (open.clone(), container.clone());
        Callback::from(move |e: FocusEvent| {
            let inside = match (container.cast::<web_sys::Node>(), e.related_target()) {
                (Some(c), Some(t)) => t
                    .dyn_ref::<web_sys::Node>()
                    .is_some_and(|n| c.contains(Some(n))),
                _ => false,
            };
            if !inside {
                open.set(false);
            }
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let logout = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            let (session, navigator) = (session.clone(), navigator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // Whatever the server says, this browser forgets the session.
                let _ = auth::logout(&session.authed()).await;
                // Home first, so the signed-in page we leave does not redirect to the login.
                if let Some(navigator) = navigator {
                    navigator.push(&Route::Home);
                }
                session.sign_out();
            });
        })
    };

    html! {
        <div class="account-menu" ref={container} {onkeydown} {onfocusout}>
            <button type="button" id="account-menu-button" class="account-menu-button" ref={button}
                aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="account-menu-list" onclick={toggle}>
                { "Mon compte" }<span class="caret" aria-hidden="true">{ " ▾" }</span>
            </button>
            <ul id="account-menu-list" class="account-menu-list" hidden={!*open}>
                <li onclick={close}><Link<Route> to={Route::Profile}>{ "Mon profil" }</Link<Route>></li>
                <li><button type="button" id="logout-button" class="menu-button" onclick={logout}>{ "Déconnexion" }</button></li>
            </ul>
        </div>
    }
}
