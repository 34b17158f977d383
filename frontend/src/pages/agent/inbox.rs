//! The agents' inbox: the requests sent by citizens, filtered and paged. The filters
//! live in the page's address, so a reload or a shared link shows the same list.

use domain::request::{RequestFilter, RequestPage, RequestSummary};
use yew::prelude::*;
use yew_router::prelude::*;

use super::filter_form::FilterForm;
use crate::api::{agent, catalogue};
use crate::components::agent_nav::AgentNav;
use crate::components::load_error::{loading, LoadError};
use crate::components::request_table::RequestTable;
use crate::components::require_login::RequireLogin;
use crate::components::route_link::RouteLink;
use crate::hooks::use_fetch::{use_fetch, use_fetch_fresh};
use crate::hooks::{use_page_title, use_session};
use crate::route::Route;

#[function_component(Inbox)]
pub fn inbox() -> Html {
    use_page_title("Demandes des usagers");
    html! {
        <RequireLogin>
            <div class="container page">
                <AgentNav />
                <h1 tabindex="-1">{ "Demandes des usagers" }</h1>
                <InboxView />
            </div>
        </RequireLogin>
    }
}

#[function_component(InboxView)]
fn inbox_view() -> Html {
    let session = use_session();
    let navigator = use_navigator();
    let location = use_location();
    let query = location
        .as_ref()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let parsed = location.as_ref().map(|l| l.query::<RequestFilter>());
    let unreadable = matches!(parsed, Some(Err(_)));
    let filter = parsed.and_then(Result::ok).unwrap_or_default();
    let procedures = use_fetch((), |()| catalogue::catalogue());
    let page = {
        let authed = session.authed();
        use_fetch_fresh(filter.clone(), move |filter| {
            let authed = authed.clone();
            async move { agent::inbox(&authed, &filter).await }
        })
    };
    let go = {
        let navigator = navigator.clone();
        Callback::from(move |filter: RequestFilter| {
            if let Some(navigator) = &navigator {
                let _ = navigator.push_with_query(&Route::AgentRequests, &agent::pairs(&filter));
            }
        })
    };
    let results = match &*page {
        None => loading("Chargement…"),
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(found)) => results(found, &filter, &go),
    };
    html! {
        <>
            if unreadable {
                <p class="notice">{ "Les filtres de l'adresse n'ont pas pu être lus : toutes les demandes sont affichées." }</p>
            }
            <FilterForm key={query} filter={filter.clone()} catalogue={procedures.as_ref().and_then(|c| c.clone().ok())} on_search={go.clone()} />
            <section aria-labelledby="results-title" aria-busy={page.is_none().to_string()}>
                <h2 id="results-title">{ "Résultats" }</h2>
                { results }
            </section>
        </>
    }
}

fn results(found: &RequestPage, filter: &RequestFilter, go: &Callback<RequestFilter>) -> Html {
    let per_page = i64::from(found.per_page.max(1));
    let pages = ((found.total + per_page - 1) / per_page).max(1) as u32;
    let current = found.page.max(1);
    let to_page = |target: u32| {
        let (go, filter) = (go.clone(), filter.clone());
        Callback::from(move |_: MouseEvent| {
            go.emit(RequestFilter {
                page: Some(target),
                ..filter.clone()
            })
        })
    };
    let actions = Callback::from(|r: RequestSummary| {
        html! {
            <RouteLink id={format!("request-open-{}", r.number)} to={Route::AgentRequest { id: r.id }}>
                { "Ouvrir" }<span class="sr-only">{ format!(" la demande n° {}", r.number) }</span>
            </RouteLink>
        }
    });
    html! {
        <>
            <p role="status" id="inbox-count" class="count">{ format!("{} demande(s)", found.total) }</p>
            <RequestTable caption="Demandes trouvées" caption_hidden=true items={found.items.clone()} {actions} show_requester=true />
            <nav class="pager" aria-label="Pagination">
                <button type="button" id="page-previous" class="button button--secondary"
                    disabled={current <= 1} onclick={to_page(current.saturating_sub(1))}>
                    <span aria-hidden="true">{ "‹ " }</span>{ "Page précédente" }
                </button>
                <p id="inbox-page">{ format!("Page {current} sur {pages}") }</p>
                <button type="button" id="page-next" class="button button--secondary"
                    disabled={current >= pages} onclick={to_page(current + 1)}>
                    { "Page suivante" }<span aria-hidden="true">{ " ›" }</span>
                </button>
            </nav>
        </>
    }
}
