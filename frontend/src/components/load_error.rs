//! What a page shows when its data cannot be loaded: a refused access says so plainly,
//! other problems show as an alert.

use domain::problem::Problem;
use yew::prelude::*;

use super::problem_alert::ProblemAlert;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub problem: Problem,
}

#[function_component(LoadError)]
pub fn load_error(props: &Props) -> Html {
    if props.problem.status == 403 {
        return html! {
            <div class="alert alert--error" role="alert">
                <p class="alert-title">{ "Vous n'avez pas accès à cet espace." }</p>
            </div>
        };
    }
    html! { <ProblemAlert problem={Some(props.problem.clone())} /> }
}

/// The "Chargement…" line of a page that waits for its data.
pub fn loading(what: &'static str) -> Html {
    html! { <p class="loading" role="status">{ what }</p> }
}
