//! The agents' area menu: the inbox, the documents to validate, the agenda's lists and,
//! for admins, the staff accounts.

use domain::auth::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_session;
use crate::route::Route;

#[function_component(AgentNav)]
pub fn agent_nav() -> Html {
    let session = use_session();
    let admin = session.me().is_some_and(|me| me.role == Role::Admin);
    let current = use_route::<Route>();
    let link = |route: Route, label: &'static str| {
        let here = current.as_ref() == Some(&route);
        html! {
            <li>
                <Link<Route> to={route} classes={classes!(here.then_some("current"))}>
                    { label }
                </Link<Route>>
            </li>
        }
    };
    html! {
        <nav class="agent-nav" aria-label="Espace agent">
            <ul>
                { link(Route::AgentRequests, "Demandes") }
                { link(Route::AgentDocuments, "Justificatifs") }
                { link(Route::AgentAgenda, "Agenda") }
                if admin {
                    { link(Route::AgentStaff, "Comptes des agents") }
                }
            </ul>
        </nav>
    }
}

/// Whether the signed-in person works at the town hall.
pub fn is_staff(role: Role) -> bool {
    matches!(role, Role::Agent | Role::Admin)
}
