//! "Mes demandes": "En cours" and "Effectuées", as in the manuals. Each row opens the
//! request; a draft can also be changed or deleted (deleting asks first, in the page).

use domain::request::{RequestStatus, RequestSummary};
use yew::prelude::*;
use yew_router::prelude::use_location;

use crate::api::requests;
use crate::components::load_error::{loading, LoadError};
use crate::components::problem_alert::ProblemAlert;
use crate::components::request_table::RequestTable;
use crate::components::require_login::RequireLogin;
use crate::components::route_link::RouteLink;
use crate::focus::focus_soon;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_submit::use_submit;
use crate::hooks::{use_page_title, use_session};
use crate::route::{DraftSaved, Route};

#[function_component(MyRequests)]
pub fn my_requests() -> Html {
    use_page_title("Mes demandes");
    html! {
        <RequireLogin>
            <div class="container page">
                <h1 tabindex="-1">{ "Mes demandes" }</h1>
                <RequestLists />
            </div>
        </RequireLogin>
    }
}

#[function_component(RequestLists)]
fn request_lists() -> Html {
    let session = use_session();
    let reload = use_state(|| 0u32);
    let confirming = use_state(|| None::<RequestSummary>);
    let submit = use_submit();
    // Coming back from "Enregistrer en brouillon": say that it was saved.
    let saved = use_location()
        .and_then(|l| l.query::<DraftSaved>().ok())
        .and_then(|q| q.brouillon);
    let status = use_state(|| {
        saved.map(|n| {
            format!("Votre brouillon n° {n} est enregistré : vous pouvez le reprendre ici à tout moment.")
        })
    });
    let authed = session.authed();
    let state = use_fetch(*reload, move |_| {
        let authed = authed.clone();
        async move { requests::mine(&authed).await }
    });

    let ask = {
        let (confirming, status, submit) = (confirming.clone(), status.clone(), submit.clone());
        move |r: &RequestSummary| {
            let (confirming, status, submit, r) = (
                confirming.clone(),
                status.clone(),
                submit.clone(),
                r.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                status.set(None);
                submit.clear();
                confirming.set(Some(r.clone()));
                focus_soon("#request-delete-confirm");
            })
        }
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = &*confirming {
                focus_soon(format!("#request-delete-{}", r.number));
            }
            confirming.set(None);
        })
    };
    let confirm = {
        let (confirming, submit, status, reload, authed) = (
            confirming.clone(),
            submit.clone(),
            status.clone(),
            reload.clone(),
            session.authed(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(r) = (*confirming).clone() else {
                return;
            };
            if !submit.begin() {
                return;
            }
            let (confirming, status, reload, authed) = (
                confirming.clone(),
                status.clone(),
                reload.clone(),
                authed.clone(),
            );
            let number = r.number;
            submit.send(
                async move {
                    let answer = requests::delete(&authed, r.id).await;
                    confirming.set(None);
                    // Whatever the answer, the list shows what the server has now.
                    reload.set(*reload + 1);
                    answer
                },
                move |()| {
                    status.set(Some(format!("La demande n° {number} a été supprimée.")));
                    focus_soon("#requests-status");
                },
            );
        })
    };

    let actions = {
        let confirming = (*confirming).clone();
        let deleting = submit.sending();
        Callback::from(move |r: RequestSummary| {
            let n = r.number;
            let view = html! {
                <RouteLink id={format!("request-view-{n}")} to={Route::MyRequest { id: r.id }}>
                    { "Voir" }<span class="sr-only">{ format!(" la demande n° {n}") }</span>
                </RouteLink>
            };
            if r.status != RequestStatus::Draft {
                return view;
            }
            if confirming.as_ref().is_some_and(|c| c.id == r.id) {
                return html! {
                    <div class="confirm" role="group" aria-labelledby="request-delete-question">
                        <p id="request-delete-question" class="confirm-question">
                            { format!("Supprimer le brouillon n° {n} ?") }
                        </p>
                        <div class="actions">
                            <button type="button" id="request-delete-confirm" class="button button--danger"
                                disabled={deleting} onclick={confirm.clone()}>
                                { if deleting { "Suppression…" } else { "Supprimer" } }
                            </button>
                            <button type="button" id="request-delete-cancel" class="button button--secondary"
                                onclick={cancel.clone()}>{ "Annuler" }</button>
                        </div>
                    </div>
                };
            }
            html! {
                <ul class="inline-actions">
                    <li>{ view }</li>
                    <li>
                        <RouteLink id={format!("request-edit-{n}")} to={Route::EditRequest { id: r.id }}>
                            { "Modifier" }<span class="sr-only">{ format!(" la demande n° {n}") }</span>
                        </RouteLink>
                    </li>
                    <li>
                        <button type="button" id={format!("request-delete-{n}")} class="button--link"
                            onclick={ask(&r)}>
                            { "Supprimer" }<span class="sr-only">{ format!(" la demande n° {n}") }</span>
                        </button>
                    </li>
                </ul>
            }
        })
    };

    let body = match &*state {
        None => loading("Chargement…"),
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(lists)) => html! {
            <>
                <section class="card" aria-labelledby="requests-current">
                    <h2 id="requests-current">{ "En cours" }</h2>
                    <RequestTable caption="Mes demandes en cours" caption_hidden=true items={lists.in_progress.clone()}
                        sort_id="sort-number" actions={actions.clone()} />
                </section>
                <section class="card" aria-labelledby="requests-done">
                    <h2 id="requests-done">{ "Effectuées" }</h2>
                    <RequestTable caption="Mes demandes effectuées" caption_hidden=true items={lists.done.clone()}
                        sort_id="sort-number-done" {actions} />
                </section>
            </>
        },
    };
    html! {
        <div aria-busy={state.is_none().to_string()}>
            <div role="status" id="requests-status" tabindex="-1"
                class={classes!(status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*status { <p>{ message.clone() }</p> }
            </div>
            <ProblemAlert problem={submit.problem()} />
            { body }
        </div>
    }
}
