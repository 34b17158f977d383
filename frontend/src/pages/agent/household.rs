//! A household for agents ("Voir le foyer" on a request): its profile read-only, the
//! children's school enrolments to record, and bookings to make for the family.

use domain::ids::HouseholdId;
use domain::profile::SchoolEnrolment;
use yew::prelude::*;
use yew_router::prelude::*;

use super::agenda::book_for::BookForFamily;
use super::enrolment::EnrolmentsCard;
use crate::api::agent;
use crate::components::agent_nav::AgentNav;
use crate::components::load_error::{loading, LoadError};
use crate::components::profile::read_only::ReadOnlyProfile;
use crate::components::require_login::RequireLogin;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::{use_page_title, use_session};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: HouseholdId,
}

#[function_component(Household)]
pub fn household(props: &Props) -> Html {
    html! { <RequireLogin><HouseholdView id={props.id} /></RequireLogin> }
}

#[function_component(HouseholdView)]
fn household_view(props: &Props) -> Html {
    let session = use_session();
    // Bumped to load the household again (after an enrolment); the page keeps showing the
    // current one meanwhile.
    let version = use_state(|| 0u32);
    let authed = session.authed();
    let state = use_fetch((props.id, *version), move |(id, _)| {
        let authed = authed.clone();
        async move { agent::household(&authed, id).await }
    });
    let title = match &*state {
        Some(Ok(p)) => format!(
            "Foyer de {} {}",
            p.civil.birth_name.to_uppercase(),
            p.civil.first_name
        ),
        Some(Err(_)) => "Foyer introuvable".to_string(),
        None => "Chargement du foyer…".to_string(),
    };
    use_page_title(&title);
    html! {
        <div class="container page narrow" aria-busy={state.is_none().to_string()}>
            <AgentNav />
            <h1 tabindex="-1">{ title }</h1>
            { match &*state {
                None => loading("Chargement…"),
                Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
                Some(Ok(p)) => {
                    let on_saved = {
                        let version = version.clone();
                        Callback::from(move |_: SchoolEnrolment| version.set(*version + 1))
                    };
                    html! {
                        <>
                            <ReadOnlyProfile profile={p.clone()} />
                            <EnrolmentsCard members={p.household.clone()} {on_saved} />
                            <BookForFamily household={props.id} members={p.household.clone()} />
                        </>
                    }
                }
            } }
            <p class="back-link"><Link<Route> to={Route::AgentRequests}>{ "Retour aux demandes" }</Link<Route>></p>
        </div>
    }
}
