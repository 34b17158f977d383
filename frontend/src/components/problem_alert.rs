//! An error answered by the API, shown as an alert: its French title and its detail.

use domain::problem::Problem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub problem: Option<Problem>,
}

#[function_component(ProblemAlert)]
pub fn problem_alert(props: &Props) -> Html {
    // The alert region stays in the page so that screen readers announce what appears in it.
    html! {
        <div class={classes!("alert-region", props.problem.as_ref().map(|_| "alert alert--error"))} role="alert">
            if let Some(problem) = &props.problem {
                <p class="alert-title">{ problem.title.clone() }</p>
                if let Some(detail) = &problem.detail {
                    <p>{ detail.clone() }</p>
                }
            }
        </div>
    }
}
