//! "Rôles / Relations": who is what to whom in the household, behind "Consulter les
//! rôles / relations".

use domain::profile::Relation;
use yew::prelude::*;

use crate::components::disclosure::Disclosure;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub relations: Vec<Relation>,
}

#[function_component(RelationsCard)]
pub fn relations_card(props: &Props) -> Html {
    let list = if props.relations.is_empty() {
        html! { <p><i>{ "Aucune relation enregistrée." }</i></p> }
    } else {
        html! {
            <ul class="relations">
                { for props.relations.iter().map(|r| html! {
                    <li>{ format!("{} — {} de — {}", r.person_name, r.role.label(), r.related_person_name) }</li>
                }) }
            </ul>
        }
    };
    html! {
        <section class="card" aria-labelledby="relations-title">
            <h2 id="relations-title">{ "Rôles / Relations" }</h2>
            <Disclosure id="relations-details" label="Consulter les rôles / relations">
                { list }
            </Disclosure>
        </section>
    }
}
