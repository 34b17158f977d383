//! The page once a request is saved or sent: its number, the commune's confirmation,
//! and for a fiche enfant what comes next and the fiche of another child.

use domain::ids::RequestId;
use domain::request::{FormDefinition, RequestStatus, RequestSummary};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::{Reuse, Route, StartFrom};

/// "Faire une fiche pour un autre enfant" / "Renouveler pour une nouvelle année
/// scolaire": the procedure's page, starting from the fiche `from`.
pub fn start_from(slug: &str, from: RequestId, reuse: Reuse) -> Html {
    let (id, text) = match reuse {
        Reuse::AnotherChild => ("another-child", "Faire une fiche pour un autre enfant"),
        Reuse::NextYear => ("renew-fiche", "Renouveler pour une nouvelle année scolaire"),
    };
    html! {
        <Link<Route, StartFrom> to={Route::Procedure { slug: slug.to_string() }}
            query={Some(StartFrom::new(from, reuse))} classes="button button--secondary">
            <span {id}>{ text }</span>
        </Link<Route, StartFrom>>
    }
}

pub fn done(
    request: &RequestSummary,
    before: RequestStatus,
    slug: &str,
    form: &FormDefinition,
) -> Html {
    let confirmation = form.confirmation.as_deref();
    // One fiche per child: the next one starts from the family's answers.
    let fiche = form.child_field().is_some();
    let n = request.number;
    let message = if before == RequestStatus::Draft {
        format!("Votre demande n° {n} a bien été enregistrée. Un accusé de réception vous a été envoyé par courriel.")
    } else {
        format!("Les modifications de votre demande n° {n} ont bien été enregistrées.")
    };
    html! {
        <div class="alert alert--success request-done" role="status" id="request-done">
            <h2 id="step-title" tabindex="-1">{ "Demande enregistrée" }</h2>
            <p>{ message }</p>
            // The commune's own words, once sent (Isques names the documents it needs).
            if before == RequestStatus::Draft {
                { for confirmation.into_iter().flat_map(|c| c.split("\n\n")).map(|p| html! {
                    <p class="request-done__confirmation">{ p.trim() }</p>
                }) }
            }
            <p>
                <Link<Route> to={Route::MyRequest { id: request.id }}>{ format!("Voir la demande n° {n}") }</Link<Route>>
            </p>
            if fiche && before == RequestStatus::Draft {
                <p id="fiche-next">
                    { "Une fois votre dossier traité par l'agent, vous pourrez réserver les jours de votre enfant dans l'agenda ; ses activités apparaîtront dans votre profil." }
                </p>
            }
            if fiche {
                <p>{ start_from(slug, request.id, Reuse::AnotherChild) }</p>
            }
            <p><Link<Route> to={Route::MyRequests}>{ "Suivre mes demandes" }</Link<Route>></p>
        </div>
    }
}
