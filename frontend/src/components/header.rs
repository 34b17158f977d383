//! The banner: the commune's name, and the account links or the greeting.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::account_menu::AccountMenu;
use crate::components::agent_nav::is_staff;
use crate::hooks::{use_commune, use_session};
use crate::route::Route;

#[function_component(Header)]
pub fn header() -> Html {
    let name = use_commune().name();
    let session = use_session();
    let links = match session.me() {
        Some(me) => html! {
            <ul class="account-links">
                if is_staff(me.role) {
                    <li><Link<Route> to={Route::AgentRequests}>{ "Espace agent" }</Link<Route>></li>
                } else {
                    <li><Link<Route> to={Route::Exchanges}>{ "Échanges" }</Link<Route>></li>
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
