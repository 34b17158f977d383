//! The banner: the commune's name, and the account links or the greeting.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::messages;
use crate::components::account_menu::AccountMenu;
use crate::components::agent_nav::is_staff;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::{use_commune, use_session};
use crate::route::Route;

#[function_component(Header)]
pub fn header() -> Html {
    let name = use_commune().name();
    let session = use_session();
    // The unread count follows the person around: read again on every page.
    let path = use_location()
        .map(|l| l.path().to_string())
        .unwrap_or_default();
    let citizen = session.me().is_some_and(|me| !is_staff(me.role));
    let unread = {
        let authed = session.authed();
        use_fetch((citizen, path), move |(citizen, _)| {
            let authed = authed.clone();
            async move {
                if citizen {
                    messages::unread(&authed).await.map(|u| u.unread)
                } else {
                    Ok(0)
                }
            }
        })
    };
    let unread = unread
        .as_ref()
        .and_then(|u| u.as_ref().ok())
        .copied()
        .unwrap_or(0);
    let links = match session.me() {
        Some(me) => html! {
            <ul class="account-links">
                if is_staff(me.role) {
                    <li><Link<Route> to={Route::AgentRequests}>{ "Espace agent" }</Link<Route>></li>
                } else {
                    <li>
                        <Link<Route> to={Route::Exchanges}>
                            { "Échanges" }
                            if unread > 0 {
                                <span class="badge" id="unread-count">
                                    <span aria-hidden="true">{ format!(" ({unread})") }</span>
                                    <span class="sr-only">{ if unread == 1 { ", 1 message non lu".to_string() } else { format!(", {unread} messages non lus") } }</span>
                                </span>
                            }
                        </Link<Route>>
                    </li>
                    <li><Link<Route> to={Route::Agenda}>{ "Agenda" }</Link<Route>></li>
                    <li><Link<Route> to={Route::MyRequests}>{ "Mes demandes" }</Link<Route>></li>
                }
                <li class="greeting">{ format!("Bonjour {}", me.display_name()) }</li>
                <li><AccountMenu /></li>
            </ul>
        },
        // A reloaded page is getting its session back: no "Me connecter" flash.
        None if session.restoring => html! {},
        None => html! {
            <ul class="account-links">
                <li><Link<Route> to={Route::Login}>{ "Me connecter" }</Link<Route>></li>
                <li><Link<Route> to={Route::Register}>{ "Créer mon compte" }</Link<Route>></li>
                <li><Link<Route> to={Route::MyRequests}>{ "Suivre mes demandes" }</Link<Route>></li>
            </ul>
        },
    };
    html! {
        <header class="site-header">
            <div class="container header-inner">
                <Link<Route> to={Route::Home} classes="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">{ name }</span>
                </Link<Route>>
                <nav class="account-nav" aria-label="Mon espace">{ links }</nav>
            </div>
        </header>
    }
}
