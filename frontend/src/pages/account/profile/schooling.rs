//! "Enfants scolarisés du foyer": the children's school year, establishment, level and
//! class; the table behind "Détails".

use domain::profile::SchoolEnrolment;
use yew::prelude::*;

use crate::components::detail_list::value_or_unset;
use crate::components::disclosure::Disclosure;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub enrolments: Vec<SchoolEnrolment>,
}

#[function_component(SchoolingCard)]
pub fn schooling_card(props: &Props) -> Html {
    let body = if props.enrolments.is_empty() {
        html! { <p><i>{ "Aucun enfant scolarisé." }</i></p> }
    } else {
        html! {
            <>
                <ul class="people">
                    { for props.enrolments.iter().map(|e| html! {
                        <li>{ format!("{} — {} ({})", e.child_name, e.establishment, e.school_year) }</li>
                    }) }
                </ul>
                <Disclosure id="schooling-details" context="Enfants scolarisés du foyer">
                    <div class="table-wrapper">
                        <table class="table">
                            <caption>{ "Enfants scolarisés du foyer" }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ "Enfant" }</th>
                                    <th scope="col">{ "Année scolaire" }</th>
                                    <th scope="col">{ "Établissement" }</th>
                                    <th scope="col">{ "Niveau" }</th>
                                    <th scope="col">{ "Classe" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for props.enrolments.iter().map(|e| html! {
                                    <tr>
                                        <th scope="row">{ e.child_name.clone() }</th>
                                        <td>{ e.school_year.clone() }</td>
                                        <td>{ e.establishment.clone() }</td>
                                        <td>{ e.level.clone() }</td>
                                        <td>{ value_or_unset(e.class_name.as_deref()) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </Disclosure>
            </>
        }
    };
    html! {
        <section class="card" aria-labelledby="schooling-title">
            <h2 id="schooling-title">{ "Enfants scolarisés du foyer" }</h2>
            { body }
        </section>
    }
}
