//! "Mes données civiles": read only; the town hall changes them on request.

use domain::profile::CivilData;
use yew::prelude::*;

use super::personal_data_note;
use crate::components::detail_list::{Detail, DetailList};
use crate::components::disclosure::Disclosure;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub civil: CivilData,
    /// An agent's view: no edit controls, no "Mes".
    #[prop_or_default]
    pub read_only: bool,
}

#[function_component(CivilCard)]
pub fn civil_card(props: &Props) -> Html {
    let c = &props.civil;
    let items = vec![
        Detail::new("Civilité", Some(c.civility.label().to_string())),
        Detail::new("Nom de naissance", Some(c.birth_name.to_uppercase())),
        Detail::new("Nom d'usage", c.usage_name.clone()),
        Detail::new("1er Prénom", Some(c.first_name.clone())),
        Detail::new("2ème prénom", c.second_first_name.clone()),
        Detail::new("3ème prénom", c.third_first_name.clone()),
        Detail::new(
            "Date de naissance",
            Some(c.birth_date.format("%d/%m/%Y").to_string()),
        ),
        Detail::new("Pays de naissance", Some(c.birth_country.clone())),
        Detail::new("Commune de naissance", Some(c.birth_city.clone())),
        Detail::new("N° département de naissance", c.birth_department.clone()),
    ];
    html! {
        <section class="card" aria-labelledby="civil-title">
            <h2 id="civil-title">{ if props.read_only { "Données civiles" } else { "Mes données civiles" } }</h2>
            <DetailList {items} />
            if !props.read_only {
                <Disclosure id="civil-details" context="Mes données civiles">
                    { personal_data_note("vos données civiles") }
                </Disclosure>
            }
        </section>
    }
}
