//! "Informations de santé": what each child's accepted fiche enfant recorded (vaccination
//! dates, allergies, treatment, doctor, PAI), by child and school year. The household
//! reads its own; an agent reads them only with the health permission, and otherwise
//! is told that there are some.

use domain::profile::ChildHealthLine;
use domain::request::form::school_year_label;
use yew::prelude::*;

use crate::components::detail_list::{Detail, DetailList};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lines: Vec<ChildHealthLine>,
    /// There are some this agent may not read.
    #[prop_or_default]
    pub withheld: bool,
}

#[function_component(HealthCard)]
pub fn health_card(props: &Props) -> Html {
    if props.lines.is_empty() && !props.withheld {
        return Html::default();
    }
    // One block per child and school year, in the server's order.
    let mut blocks: Vec<(String, Vec<&ChildHealthLine>)> = Vec::new();
    for line in &props.lines {
        let title = format!(
            "{} — {}",
            line.child_name,
            school_year_label(&line.school_year)
        );
        match blocks.last_mut() {
            Some((t, lines)) if *t == title => lines.push(line),
            _ => blocks.push((title, vec![line])),
        }
    }
    html! {
        <section class="card" aria-labelledby="child-health-title" id="child-health">
            <h2 id="child-health-title">{ "Informations de santé" }</h2>
            if props.withheld {
                <p class="notice" id="child-health-withheld">
                    { "Ce foyer a donné des informations de santé : seuls les agents habilités par un administrateur peuvent les lire." }
                </p>
            } else {
                <p class="notice">
                    { "Informations confidentielles : seuls votre foyer et les agents habilités de la mairie les lisent, et chaque consultation par un agent est enregistrée." }
                </p>
            }
            { for blocks.into_iter().map(|(title, lines)| html! {
                <>
                    <h3>{ title }</h3>
                    <DetailList items={lines.into_iter()
                        .map(|l| Detail::owned(l.label.clone(), Some(l.value.clone())))
                        .collect::<Vec<_>>()} />
                </>
            }) }
        </section>
    }
}
