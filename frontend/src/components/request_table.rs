//! A table of requests: Numéro, Type, Date, Personne concernée, Statut, Action. The
//! citizen's tables sort by number with the Numéro header's button (`aria-sort` says
//! the order); the page supplies each row's actions.

use domain::request::RequestSummary;
use yew::prelude::*;

use super::status_badge::StatusBadge;
use crate::dates::local_date;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub caption: AttrValue,
    #[prop_or_default]
    pub caption_hidden: bool,
    pub items: Vec<RequestSummary>,
    /// The id of the Numéro header's sort button; no button when unset.
    #[prop_or_default]
    pub sort_id: Option<AttrValue>,
    /// The content of each row's Action cell.
    pub actions: Callback<RequestSummary, Html>,
    /// Adds the "Demandeur" column (the agents' inbox).
    #[prop_or_default]
    pub show_requester: bool,
}

#[function_component(RequestTable)]
pub fn request_table(props: &Props) -> Html {
    // The API lists the latest number first.
    let descending = use_state(|| true);
    let mut items = props.items.clone();
    if props.sort_id.is_some() {
        items.sort_by_key(|r| r.number);
        if *descending {
            items.reverse();
        }
    }
    let number_header = match &props.sort_id {
        Some(id) => {
            let onclick = {
                let descending = descending.clone();
                Callback::from(move |_: MouseEvent| descending.set(!*descending))
            };
            let (sort, mark, next) = if *descending {
                ("descending", "▾", "croissant")
            } else {
                ("ascending", "▴", "décroissant")
            };
            html! {
                <th scope="col" aria-sort={sort}>
                    <button type="button" id={id.clone()} class="sort-button" {onclick}>
                        { "Numéro" }
                        <span aria-hidden="true">{ format!(" {mark}") }</span>
                        <span class="sr-only">{ format!(" (trier par ordre {next})") }</span>
                    </button>
                </th>
            }
        }
        None => html! { <th scope="col">{ "Numéro" }</th> },
    };
    html! {
        <div class="table-wrapper">
            <table class="table requests-table stacked-table">
                <caption class={classes!(props.caption_hidden.then_some("sr-only"))}>{ props.caption.clone() }</caption>
                <thead>
                    <tr>
                        { number_header }
                        <th scope="col">{ "Type" }</th>
                        <th scope="col">{ "Date" }</th>
                        if props.show_requester {
                            <th scope="col">{ "Demandeur" }</th>
                        }
                        <th scope="col">{ "Personne concernée" }</th>
                        <th scope="col">{ "Statut" }</th>
                        <th scope="col">{ "Action" }</th>
                    </tr>
                </thead>
                <tbody>
                    if items.is_empty() {
                        <tr><td colspan={if props.show_requester { "7" } else { "6" }}>{ "Aucune demande enregistrée" }</td></tr>
                    }
                    { for items.into_iter().map(|r| html! {
                        <tr key={r.id.get()} id={format!("request-row-{}", r.number)}>
                            <th scope="row" data-label="Numéro">{ r.number }</th>
                            <td data-label="Type">{ r.procedure_title.clone() }</td>
                            <td data-label="Date">{ local_date(&r.created_at) }</td>
                            if props.show_requester {
                                <td data-label="Demandeur">{ r.requester.clone() }</td>
                            }
                            <td data-label="Personne concernée">{ r.concerned() }</td>
                            <td data-label="Statut">
                                <StatusBadge status={r.status} />
                                // The agents' inbox: the family's answers nobody read yet.
                                if props.show_requester && r.unread_from_family > 0 {
                                    <p class="unread-replies" id={format!("unread-replies-{}", r.number)}>
                                        <span aria-hidden="true">{ "✉ " }</span>
                                        { if r.unread_from_family == 1 { "1 réponse non lue".to_string() } else { format!("{} réponses non lues", r.unread_from_family) } }
                                    </p>
                                }
                            </td>
                            <td data-label="Action" class="row-actions">{ props.actions.emit(r.clone()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
