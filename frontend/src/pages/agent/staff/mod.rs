//! "Comptes des agents" (admins only): the staff accounts with their state, and the form
//! of a new agent or admin, who receives a link to choose a password; who may read the
//! children's health information, and the log of each reading.

mod form;
mod health;
mod health_log;
mod list;

use domain::auth::Role;
use yew::prelude::*;

use crate::components::agent_nav::AgentNav;
use crate::components::require_login::RequireLogin;
use crate::hooks::{use_page_title, use_session};

#[function_component(Staff)]
pub fn staff() -> Html {
    use_page_title("Comptes des agents");
    html! {
        <RequireLogin>
            <div class="container page">
                <AgentNav />
                <h1 tabindex="-1">{ "Comptes des agents" }</h1>
                <StaffPage />
            </div>
        </RequireLogin>
    }
}

#[function_component(StaffPage)]
fn staff_page() -> Html {
    let session = use_session();
    let version = use_state(|| 0u32);
    if session.me().is_some_and(|me| me.role != Role::Admin) {
        return html! {
            <div class="alert alert--error" role="alert">
                <p class="alert-title">{ "Vous n'avez pas accès à cet espace." }</p>
            </div>
        };
    }
    let on_created = {
        let version = version.clone();
        Callback::from(move |()| version.set(*version + 1))
    };
    html! {
        <>
            <list::StaffList version={*version} />
            <form::StaffForm {on_created} />
            <health_log::HealthLog version={*version} />
        </>
    }
}
