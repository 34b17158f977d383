//! "Historique des actions pour la personne sélectionnée pour cette période".

use domain::agenda::{BookingAction, BookingEvent};
use yew::prelude::*;

use crate::dates::local_date_time;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub events: Vec<BookingEvent>,
}

#[function_component(History)]
pub fn history(props: &Props) -> Html {
    html! {
        <section class="card" aria-labelledby="agenda-history-title">
            <h2 id="agenda-history-title">{ "Historique des actions pour la personne sélectionnée pour cette période" }</h2>
            if props.events.is_empty() {
                <p><i>{ "Aucune action pour cette période." }</i></p>
            } else {
                <table class="table stacked-table" id="agenda-history">
                    <thead>
                        <tr>
                            <th scope="col"><span class="sr-only">{ "Action" }</span></th>
                            <th scope="col">{ "Date concernée" }</th>
                            <th scope="col">{ "Activité" }</th>
                            <th scope="col">{ "Date de l'action" }</th>
                            <th scope="col">{ "Auteur" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.events.iter().map(|e| {
                            let (sign, words) = match e.action {
                                BookingAction::Add => ("+", "Réservation"),
                                BookingAction::Cancel => ("−", "Annulation"),
                                BookingAction::Promote => ("+", "Place libérée (liste d'attente)"),
                            };
                            html! {
                                <tr>
                                    <td data-label="Action"><span aria-hidden="true">{ sign }</span><span class="sr-only">{ words }</span></td>
                                    <td data-label="Date concernée">{ e.day.format("%d/%m/%Y").to_string() }</td>
                                    <td data-label="Activité">{ e.activity.clone() }</td>
                                    <td data-label="Date de l'action">{ local_date_time(&e.at) }</td>
                                    <td data-label="Auteur">
                                        { e.author.clone() }
                                        if e.by_agent { { " (mairie)" } }
                                        if let Some(reason) = &e.reason {
                                            <br /><span class="hint">{ format!("Motif : {reason}") }</span>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
