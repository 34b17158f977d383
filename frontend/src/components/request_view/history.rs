//! "Historique": every change of status, who made it and the comment.

use domain::request::StatusChange;
use yew::prelude::*;

use crate::components::detail_list::value_or_unset;
use crate::dates::local_date_time;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub history: Vec<StatusChange>,
}

#[function_component(History)]
pub fn history(props: &Props) -> Html {
    html! {
        <section class="card" aria-labelledby="request-history-title">
            <h2 id="request-history-title">{ "Historique" }</h2>
            <div class="table-wrapper">
                <table class="table stacked-table">
                    <caption class="sr-only">{ "Historique de la demande" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Date" }</th>
                            <th scope="col">{ "Par" }</th>
                            <th scope="col">{ "Changement" }</th>
                            <th scope="col">{ "Commentaire" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        if props.history.is_empty() {
                            <tr><td colspan="4">{ "Aucun changement enregistré" }</td></tr>
                        }
                        { for props.history.iter().map(|c| html! {
                            <tr>
                                <td data-label="Date">{ local_date_time(&c.at) }</td>
                                <td data-label="Par">{ c.by.clone() }</td>
                                <td data-label="Changement">{ change(c) }</td>
                                <td data-label="Commentaire" class="pre-line">{ value_or_unset(c.comment.as_deref()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// "Brouillon → Enregistrée"; the arrow is read "devient".
fn change(c: &StatusChange) -> Html {
    match c.from {
        Some(from) if from != c.to => html! {
            <>
                { from.label() }
                <span aria-hidden="true">{ " → " }</span>
                <span class="sr-only">{ " devient " }</span>
                { c.to.label() }
            </>
        },
        Some(_) => html! { { format!("{} (commentaire)", c.to.label()) } },
        None => html! { { format!("Création : {}", c.to.label()) } },
    }
}
