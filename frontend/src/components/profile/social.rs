//! "Mes données sociales" of the household: read only; the town hall changes them on
//! request. Amounts come in cents.

use domain::money::format_cents;
use domain::profile::SocialData;
use yew::prelude::*;

use super::personal_data_note;
use crate::components::detail_list::{Detail, DetailList};
use crate::components::disclosure::Disclosure;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub social: SocialData,
    /// An agent's view: no edit controls, no "Mes".
    #[prop_or_default]
    pub read_only: bool,
}

#[function_component(SocialCard)]
pub fn social_card(props: &Props) -> Html {
    let s = &props.social;
    let number = |n: Option<i32>| n.map(|n| n.to_string());
    let items = vec![
        Detail::new("Régime", s.regime.clone()),
        Detail::new(
            "Revenu fiscal de référence",
            s.reference_tax_income.map(format_cents),
        ),
        Detail::new("Nombre d'enfant(s) à charge", number(s.dependent_children)),
        Detail::new("Nom de l'allocataire", s.caf_holder_name.clone()),
        Detail::new("Numéro d'allocataire", s.caf_number.clone()),
        Detail::new("Quotient", number(s.quotient)),
        Detail::new("Ressources mensuelles", s.monthly_income.map(format_cents)),
        Detail::new("Composition familiale", s.family_composition.clone()),
        Detail::new("Quotient familial", number(s.family_quotient)),
    ];
    html! {
        <section class="card" aria-labelledby="social-title">
            <h2 id="social-title">{ if props.read_only { "Données sociales" } else { "Mes données sociales" } }</h2>
            <DetailList {items} />
            if !props.read_only {
                <Disclosure id="social-details" context="Mes données sociales">
                    { personal_data_note("vos données sociales") }
                </Disclosure>
            }
        </section>
    }
}
