//! "Inscriptions aux activités": what each child is enrolled in, by school year, once the
//! town hall accepted its fiche enfant (what lets the family book in the Agenda).

use domain::profile::ActivityEnrolment;
use domain::request::form::school_year_label;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub enrolments: Vec<ActivityEnrolment>,
    /// An agent's view: no link to the fiche.
    #[prop_or_default]
    pub read_only: bool,
}

#[function_component(ActivitiesCard)]
pub fn activities_card(props: &Props) -> Html {
    // One line per child and school year, in the server's order.
    let mut lines: Vec<(String, String, Vec<String>)> = Vec::new();
    for e in &props.enrolments {
        match lines
            .iter_mut()
            .find(|(child, year, _)| *child == e.child_name && *year == e.school_year)
        {
            Some((_, _, names)) => names.push(e.activity_name.clone()),
            None => lines.push((
                e.child_name.clone(),
                e.school_year.clone(),
                vec![e.activity_name.clone()],
            )),
        }
    }
    html! {
        <section class="card" aria-labelledby="activities-title" id="activities">
            <h2 id="activities-title">{ "Inscriptions aux activités" }</h2>
            if lines.is_empty() {
                <p><i>{ "Aucune inscription pour l'instant." }</i></p>
            } else {
                <ul class="people">
                    { for lines.iter().map(|(child, year, names)| html! {
                        <li>
                            <strong>{ child.clone() }</strong>
                            { format!(" — {} : {}", school_year_label(year), names.join(", ")) }
                        </li>
                    }) }
                </ul>
            }
            if !props.read_only {
                <p class="notice">
                    { "Pour inscrire un enfant, remplissez une " }
                    <Link<Route> to={Route::Procedure { slug: "fiche-enfant".to_string() }}>{ "fiche enfant" }</Link<Route>>
                    { " : une fois votre dossier traité par l'agent, vous pourrez réserver ses jours dans l'agenda." }
                </p>
            }
        </section>
    }
}
