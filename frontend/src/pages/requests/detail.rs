//! One of "Mes demandes": what was asked, where it stands, its history; "Voir et
//! imprimer la demande", and "Modifier" / "Envoyer la demande" while the citizen may; for
//! a fiche enfant, the fiche of another child or of the next school year.

use domain::ids::RequestId;
use domain::problem::Problem;
use domain::request::{RequestDetail, RequestStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::requests;
use crate::components::load_error::{loading, LoadError};
use crate::components::problem_alert::ProblemAlert;
use crate::components::request_documents::RequestDocuments;
use crate::components::request_form::start_from;
use crate::components::request_view::{print_button, request_title, RequestView};
use crate::components::require_login::RequireLogin;
use crate::components::route_link::RouteLink;
use crate::focus::focus_soon;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_submit::use_submit;
use crate::hooks::{use_page_title, use_session};
use crate::route::{Reuse, Route};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: RequestId,
}

#[function_component(MyRequest)]
pub fn my_request(props: &Props) -> Html {
    html! { <RequireLogin><Detail id={props.id} /></RequireLogin> }
}

#[function_component(Detail)]
fn detail(props: &Props) -> Html {
    let session = use_session();
    let submit = use_submit().refocusing("#request-problem");
    let status = use_state(|| None::<String>);
    let authed = session.authed();
    let state = use_fetch(props.id, move |id| {
        let authed = authed.clone();
        async move { requests::get(&authed, id).await }
    });
    let title = request_title(&state);
    use_page_title(&title);

    let send = {
        let (state, submit, status, authed, id) = (
            state.clone(),
            submit.clone(),
            status.clone(),
            session.authed(),
            props.id,
        );
        Callback::from(move |_: MouseEvent| {
            if !submit.begin() {
                return;
            }
            status.set(None);
            let (state, status, authed) = (state.clone(), status.clone(), authed.clone());
            submit.send(async move { requests::submit(&authed, id).await }, move |d| {
                status.set(Some(format!(
                    "Votre demande n° {} a bien été enregistrée. Un accusé de réception vous a été envoyé par courriel.",
                    d.request.number
                )));
                state.set(Some(Ok(d)));
                focus_soon("#request-status");
            });
        })
    };
    let sending = submit.sending();
    let problem = submit.problem();

    let body = match &*state {
        None => loading("Chargement…"),
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(d)) => {
            let draft = d.request.status == RequestStatus::Draft;
            let editable = d.editable && d.request.status.citizen_can_edit();
            html! {
                <>
                    <div class="actions no-print">
                        { print_button() }
                        if editable {
                            <RouteLink id="request-modify" to={Route::EditRequest { id: d.request.id }}
                                class={classes!("button", "button--secondary")}>{ "Modifier" }</RouteLink>
                        }
                        if draft {
                            <button type="button" id="request-send" class="button" disabled={sending} onclick={send}>
                                { if sending { "Envoi…" } else { "Envoyer la demande" } }
                            </button>
                        }
                        { fiche_links(d) }
                    </div>
                    if let Some(p) = &problem {
                        <div id="request-problem" tabindex="-1" class="no-print">
                            <ProblemAlert problem={Some(p.clone())} />
                            { missing_answers(d, p) }
                        </div>
                    }
                    <RequestView detail={d.clone()} />
                    if !draft {
                        <CitizenRequestDocuments id={d.request.id} />
                    }
                </>
            }
        }
    };
    html! {
        <div class="container page narrow request-page" aria-busy={state.is_none().to_string()}>
            <h1 tabindex="-1">{ title }</h1>
            <div role="status" id="request-status" tabindex="-1"
                class={classes!("no-print", status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*status { <p>{ message.clone() }</p> }
            </div>
            { body }
            <p class="back-link no-print"><Link<Route> to={Route::MyRequests}>{ "Retour à mes demandes" }</Link<Route>></p>
        </div>
    }
}

/// A sent fiche enfant starts the fiche of another child (the family's answers kept);
/// an accepted one, the child's fiche for a new school year (last year's answers kept).
fn fiche_links(d: &RequestDetail) -> Html {
    if d.form.child_field().is_none() || d.request.status == RequestStatus::Draft {
        return Html::default();
    }
    let link = |reuse| start_from(&d.request.procedure, d.request.id, reuse);
    html! {
        <>
            if d.request.status == RequestStatus::Closed {
                { link(Reuse::NextYear) }
            }
            { link(Reuse::AnotherChild) }
        </>
    }
}

/// The answers the server still misses, by their labels, with the way to give them.
fn missing_answers(d: &RequestDetail, p: &Problem) -> Html {
    if p.errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="alert alert--error">
            <p>{ "Complétez la demande avec « Modifier » :" }</p>
            <ul>
                { for p.errors.iter().map(|e| {
                    let label = e
                        .field
                        .strip_prefix("answers.")
                        .and_then(|name| d.form.field(name))
                        .map(|f| f.label.clone())
                        .unwrap_or_else(|| e.field.clone());
                    html! { <li>{ format!("{label} : {}", e.message) }</li> }
                }) }
            </ul>
        </div>
    }
}

/// The documents the request needs, and where each stands.
#[function_component(CitizenRequestDocuments)]
fn citizen_request_documents(props: &Props) -> Html {
    let session = use_session();
    let authed = session.authed();
    let lines = use_fetch(props.id, move |id| {
        let authed = authed.clone();
        async move { crate::api::documents::of_request(&authed, id).await }
    });
    match &*lines {
        Some(Ok(lines)) => html! {
            <div class="no-print"><RequestDocuments lines={lines.clone()} citizen=true /></div>
        },
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        None => html! {},
    }
}
