//! "Messages": the town hall's messages and the family's answers, latest first — Date,
//! Sujet, Téléservice concerné, Statut (Lu / Non lu, in words), Action.

use domain::message::MessageSender;
use yew::prelude::*;

use crate::api::messages;
use crate::components::load_error::{loading, LoadError};
use crate::components::route_link::RouteLink;
use crate::dates::local_date;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::route::Route;

#[function_component(Messages)]
pub fn messages_list() -> Html {
    let session = use_session();
    let authed = session.authed();
    let list = use_fetch((), move |()| {
        let authed = authed.clone();
        async move { messages::list(&authed).await }
    });
    let body = match &*list {
        None => loading("Chargement des messages…"),
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(list)) if list.is_empty() => html! { <p>{ "Aucun message pour le moment." }</p> },
        Some(Ok(list)) => html! {
            <table class="table stacked-table messages-table" id="messages-table">
                <caption class="sr-only">{ "Messages" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Date" }</th>
                        <th scope="col">{ "Sujet" }</th>
                        <th scope="col">{ "Téléservice concerné" }</th>
                        <th scope="col">{ "Statut" }</th>
                        <th scope="col">{ "Action" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for list.iter().map(|m| {
                        let mine = m.sender == MessageSender::Family;
                        let state = match (mine, m.read_at.is_some()) {
                            (false, true) => html! { <><span aria-hidden="true">{ "✓ " }</span>{ "Lu" }</> },
                            (false, false) => html! { <strong><span aria-hidden="true">{ "● " }</span>{ "Non lu" }</strong> },
                            (true, true) => html! { <>{ "Envoyé, lu par la mairie" }</> },
                            (true, false) => html! { <>{ "Envoyé" }</> },
                        };
                        html! {
                            <tr key={m.id.get()}>
                                <td data-label="Date">{ local_date(&m.sent_at) }</td>
                                <th scope="row" data-label="Sujet">{ m.subject.clone() }</th>
                                <td data-label="Téléservice concerné">{ format!("{} : {}", m.request.procedure_title, m.request.number) }</td>
                                <td data-label="Statut" id={format!("message-state-{}", m.id)}>{ state }</td>
                                <td data-label="Action" class="row-actions">
                                    <RouteLink id={format!("message-open-{}", m.id)} to={Route::Message { id: m.id }}>
                                        { "Lire" }<span class="sr-only">{ format!(" le message « {} »", m.subject) }</span>
                                    </RouteLink>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    };
    html! {
        <section class="card" aria-labelledby="messages-title" aria-busy={list.is_none().to_string()}>
            <h2 id="messages-title">{ "Messages" }</h2>
            <p class="hint">{ "Chaque message de la mairie est lié à l'une de vos demandes." }</p>
            { body }
        </section>
    }
}
