//! "Journal des accès aux données de santé" (admins): each time an agent was shown a
//! household's health information, newest first, with a link to what was read.

use domain::staff::HealthAccessContext;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::agent;
use crate::components::problem_alert::ProblemAlert;
use crate::dates::local_date_time;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Changes when permissions changed, so the log reloads.
    pub version: u32,
}

#[function_component(HealthLog)]
pub fn health_log(props: &Props) -> Html {
    let session = use_session();
    let log = {
        let authed = session.authed();
        use_fetch(props.version, move |_| {
            let authed = authed.clone();
            async move { agent::health_accesses(&authed).await }
        })
    };
    let body = match &*log {
        None => html! { <p role="status">{ "Chargement du journal…" }</p> },
        Some(Err(problem)) => html! { <ProblemAlert problem={Some(problem.clone())} /> },
        Some(Ok(lines)) if lines.is_empty() => {
            html! { <p id="health-log-empty">{ "Aucun accès aux informations de santé n'a été enregistré." }</p> }
        }
        Some(Ok(lines)) => html! {
            <table class="table stacked-table" id="health-log">
                <caption class="sr-only">{ "Accès aux informations de santé, du plus récent au plus ancien" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Date" }</th>
                        <th scope="col">{ "Agent" }</th>
                        <th scope="col">{ "Foyer" }</th>
                        <th scope="col">{ "Consultation" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for lines.iter().map(|l| {
                        let what = match (l.context, l.request_id) {
                            (HealthAccessContext::Request, Some(id)) => html! {
                                <Link<Route> to={Route::AgentRequest { id }}>{ "Réponses d'une demande" }</Link<Route>>
                            },
                            (HealthAccessContext::Roster, _) => html! {
                                <Link<Route> to={Route::AgentAgenda}>{ "Liste de l'agenda (PAI)" }</Link<Route>>
                            },
                            (HealthAccessContext::Document, _) => html! {
                                <Link<Route> to={Route::AgentHousehold { id: l.household_id }}>{ "Fichier d'un justificatif de santé" }</Link<Route>>
                            },
                            _ => html! {
                                <Link<Route> to={Route::AgentHousehold { id: l.household_id }}>{ "Profil du foyer" }</Link<Route>>
                            },
                        };
                        html! {
                            <tr>
                                <td data-label="Date">{ local_date_time(&l.accessed_at) }</td>
                                <td data-label="Agent">{ l.agent.clone() }</td>
                                <td data-label="Foyer">{ l.household.clone() }</td>
                                <td data-label="Consultation">{ what }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <section class="card" aria-labelledby="health-log-title">
            <h2 id="health-log-title">{ "Journal des accès aux données de santé" }</h2>
            <p class="notice">{ "Les 500 dernières consultations d'informations de santé par les agents habilités." }</p>
            { body }
        </section>
    }
}
