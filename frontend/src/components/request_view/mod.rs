//! One request as the citizen and the agents read it (and print it): its status and
//! dates, the refusal reason, the answers and the history. The page adds its title and
//! its actions.

mod answers;
mod history;

use domain::problem::Problem;
use domain::request::{RequestDetail, RequestStatus};
use yew::prelude::*;

use super::detail_list::{Detail, DetailList};
use super::status_badge::StatusBadge;
use crate::dates::local_date_time;
use crate::hooks::use_commune;
pub use answers::Answers;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub detail: RequestDetail,
    /// Agents also see who made the request.
    #[prop_or_default]
    pub show_requester: bool,
}

#[function_component(RequestView)]
pub fn request_view(props: &Props) -> Html {
    let d = &props.detail;
    let r = &d.request;
    let mut items = vec![
        Detail::new("Type", Some(r.procedure_title.clone())),
        Detail::new("Créée le", Some(local_date_time(&r.created_at))),
        Detail::new("Envoyée le", d.submitted_at.as_ref().map(local_date_time)),
        Detail::new(
            "Personne concernée",
            r.person.as_ref().map(|p| p.name.clone()),
        ),
    ];
    if props.show_requester {
        items.push(Detail::new("Demandeur", Some(d.requester.clone())));
    }
    let commune = use_commune().name();
    html! {
        <div class="request-view">
            // On paper, the banner is gone: the commune and the request say whose it is.
            <p class="print-only print-header" id="print-header">
                { format!("{commune} — Demande n° {} – {}", r.number, r.procedure_title) }
            </p>
            <p class="request-status">{ "Statut : " }<StatusBadge status={r.status} /></p>
            if r.status == RequestStatus::Refused {
                <div class="alert alert--error refusal">
                    <p class="alert-title">{ "Demande refusée" }</p>
                    <p>{ format!("Motif du refus : {}", d.refusal_reason.clone().unwrap_or_default()) }</p>
                </div>
            }
            <section class="card" aria-labelledby="request-info-title">
                <h2 id="request-info-title">{ "Informations générales" }</h2>
                <DetailList {items} />
            </section>
            <section class="card" aria-labelledby="request-answers-title">
                <h2 id="request-answers-title">{ "Contenu de la demande" }</h2>
                if !d.withheld.is_empty() {
                    <p class="alert" id="health-withheld">
                        { "Cette demande contient des informations de santé : seuls les agents habilités par un administrateur peuvent les lire." }
                    </p>
                }
                <Answers form={d.form.clone()} answers={d.answers.clone()}
                    names={d.answer_names.clone()} withheld={d.withheld.clone()} />
            </section>
            <history::History history={d.history.clone()} />
        </div>
    }
}

/// "Demande n° 12 – Location de la salle des fêtes".
pub fn request_title(state: &Option<Result<RequestDetail, Problem>>) -> String {
    match state {
        Some(Ok(d)) => format!(
            "Demande n° {} – {}",
            d.request.number, d.request.procedure_title
        ),
        Some(Err(_)) => "Demande introuvable".to_string(),
        None => "Chargement de la demande…".to_string(),
    }
}

/// "Voir et imprimer la demande": the browser's print dialog, with the print stylesheet.
pub fn print_button() -> Html {
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <button type="button" id="print-request" class="button button--secondary" {onclick}>
            { "Voir et imprimer la demande" }
        </button>
    }
}
