//! One request in the agents' area: the request as the citizen sees it, who made it,
//! a link to the household, and the workflow's actions.

use domain::ids::RequestId;
use domain::request::RequestDetail;
use yew::prelude::*;
use yew_router::prelude::*;

use super::actions::AgentActions;
use super::correction::AnswerCorrectionForm;
use super::messages::RequestMessages;
use super::request_documents::AgentRequestDocuments;
use crate::api::agent;
use crate::components::agent_nav::AgentNav;
use crate::components::load_error::{loading, LoadError};
use crate::components::request_view::RequestView;
use crate::components::request_view::{print_button, request_title};
use crate::components::require_login::RequireLogin;
use crate::components::route_link::RouteLink;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::{use_page_title, use_session};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: RequestId,
}

#[function_component(AgentRequest)]
pub fn agent_request(props: &Props) -> Html {
    html! { <RequireLogin><Detail id={props.id} /></RequireLogin> }
}

#[function_component(Detail)]
fn detail(props: &Props) -> Html {
    let session = use_session();
    let authed = session.authed();
    let state = use_fetch(props.id, move |id| {
        let authed = authed.clone();
        async move { agent::request(&authed, id).await }
    });
    let title = request_title(&state);
    use_page_title(&title);
    let on_change = {
        let state = state.clone();
        Callback::from(move |d: RequestDetail| state.set(Some(Ok(d))))
    };
    // The documents are loaded again when a message's file is filed as one.
    let documents_version = use_state(|| 0u32);
    let on_filed = {
        let documents_version = documents_version.clone();
        Callback::from(move |()| documents_version.set(*documents_version + 1))
    };
    let body = match &*state {
        None => loading("Chargement…"),
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(d)) => html! {
            <>
                <div class="actions no-print">
                    { print_button() }
                    <RouteLink id="agent-household-link" to={Route::AgentHousehold { id: d.household_id }}
                        class={classes!("button", "button--secondary")}>{ "Voir le foyer" }</RouteLink>
                </div>
                <RequestView detail={d.clone()} show_requester=true />
                <AnswerCorrectionForm detail={d.clone()} on_change={on_change.clone()} />
                <AgentActions detail={d.clone()} {on_change} />
                <AgentRequestDocuments request={d.request.id} version={*documents_version} />
                <RequestMessages request={d.request.id} {on_filed} />
            </>
        },
    };
    html! {
        <div class="container page narrow request-page" aria-busy={state.is_none().to_string()}>
            <AgentNav />
            <h1 tabindex="-1">{ title }</h1>
            { body }
            <p class="back-link no-print"><Link<Route> to={Route::AgentRequests}>{ "Retour aux demandes" }</Link<Route>></p>
        </div>
    }
}
