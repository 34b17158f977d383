//! "Mon foyer": children and adults of the household, read only; a change goes through
//! the procedure "Mise à jour d'une filiation".

use domain::profile::{Member, MemberRole};
use yew::prelude::*;

use super::request_note;
use crate::components::detail_list::value_or_unset;
use crate::components::disclosure::Disclosure;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub members: Vec<Member>,
    /// An agent's view: no edit controls, no "Mes".
    #[prop_or_default]
    pub read_only: bool,
}

#[function_component(HouseholdCard)]
pub fn household_card(props: &Props) -> Html {
    let children: Vec<String> = props
        .members
        .iter()
        .filter(|m| m.role == MemberRole::Child)
        .map(Member::display_name)
        .collect();
    let adults: Vec<String> = props
        .members
        .iter()
        .filter(|m| m.role != MemberRole::Child)
        .map(|m| match m.role {
            MemberRole::AccountHolder => format!("{} (Titulaire)", m.display_name()),
            _ => m.display_name(),
        })
        .collect();
    html! {
        <section class="card" aria-labelledby="household-title">
            <h2 id="household-title">{ if props.read_only { "Foyer" } else { "Mon foyer" } }</h2>
            <h3>{ "Enfants" }</h3>
            { people(&children) }
            <h3>{ "Adultes" }</h3>
            { people(&adults) }
            if !props.read_only {
                <Disclosure id="household-details" context="Mon foyer">
                    { request_note("la composition de votre foyer", "Mise à jour d'une filiation", "mise-a-jour-filiation") }
                </Disclosure>
            }
        </section>
    }
}

fn people(names: &[String]) -> Html {
    if names.is_empty() {
        return html! { <p>{ value_or_unset(None) }</p> };
    }
    html! {
        <ul class="people">
            { for names.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
        </ul>
    }
}
