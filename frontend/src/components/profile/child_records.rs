//! "Personnes à contacter" and "Autorisations": what each child's accepted fiche enfant
//! recorded, by school year. Each line says in words who may pick the child up and
//! whether an authorisation was given (never by colour alone).

use domain::profile::{ChildAuthorisation, ChildContactLine, ChildTransport};
use domain::request::form::school_year_label;
use yew::prelude::*;

use crate::dates::local_date;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub contacts: Vec<ChildContactLine>,
    pub authorisations: Vec<ChildAuthorisation>,
    pub transports: Vec<ChildTransport>,
}

#[function_component(ChildRecordsCard)]
pub fn child_records_card(props: &Props) -> Html {
    if props.contacts.is_empty() && props.authorisations.is_empty() && props.transports.is_empty() {
        return Html::default();
    }
    html! {
        <section class="card" aria-labelledby="child-records-title" id="child-records">
            <h2 id="child-records-title">{ "Personnes à contacter, transports et autorisations" }</h2>
            if !props.contacts.is_empty() {
                <h3>{ "Personnes à contacter et/ou autorisées à venir chercher l'enfant" }</h3>
                <ul class="people" id="child-contacts">
                    { for props.contacts.iter().map(|c| {
                        let k = &c.contact;
                        let mut roles = Vec::new();
                        if k.pickup { roles.push("autorisé(e) à venir chercher l'enfant"); }
                        if k.emergency { roles.push("à prévenir en cas d'urgence"); }
                        html! {
                            <li>
                                <strong>{ format!("{} {}", k.last_name, k.first_name) }</strong>
                                { format!(" ({}) — {} — pour {}, {}", k.relation, k.phone, c.child_name,
                                    school_year_label(&c.school_year)) }
                                if !roles.is_empty() { { format!(" — {}", roles.join(", ")) } }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !props.transports.is_empty() {
                <h3>{ "Transports scolaires" }</h3>
                <ul class="people" id="child-transports">
                    { for props.transports.iter().map(|t| {
                        let taken = match (t.morning, t.evening) {
                            (true, true) => "le matin et le soir",
                            (true, false) => "le matin",
                            (false, true) => "le soir",
                            (false, false) => "n'emprunte pas les transports scolaires",
                        };
                        html! {
                            <li>
                                <strong>{ t.child_name.clone() }</strong>
                                { format!(" ({}) : {taken}", school_year_label(&t.school_year)) }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !props.authorisations.is_empty() {
                <h3>{ "Autorisations" }</h3>
                <ul class="people" id="child-authorisations">
                    { for props.authorisations.iter().map(|a| html! {
                        <li>
                            <strong>{ if a.granted { "✓ Oui" } else { "✗ Non" } }</strong>
                            { format!(" — {} ({}, {}, le {})", a.wording, a.child_name, school_year_label(&a.school_year),
                                local_date(&a.given_at)) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
