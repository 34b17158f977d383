//! A procedure's description page, for signed-in people.

use domain::catalogue::Procedure;
use domain::problem::Problem;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::catalogue;
use crate::components::problem_alert::ProblemAlert;
use crate::components::require_login::RequireLogin;
use crate::hooks::use_page_title;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub slug: AttrValue,
}

#[function_component(ProcedurePage)]
pub fn procedure_page(props: &Props) -> Html {
    html! { <RequireLogin><Details slug={props.slug.clone()} /></RequireLogin> }
}

#[function_component(Details)]
fn details(props: &Props) -> Html {
    let state = use_state(|| None::<Result<Procedure, Problem>>);
    {
        let state = state.clone();
        use_effect_with(props.slug.clone(), move |slug| {
            state.set(None);
            let slug = slug.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                state.set(Some(catalogue::procedure(&slug).await));
            });
        });
    }
    let title = match &*state {
        Some(Ok(p)) => p.title.clone(),
        Some(Err(_)) => "Démarche introuvable".to_string(),
        None => "Chargement de la démarche…".to_string(),
    };
    use_page_title(&title);
    html! {
        <div class="container page">
            <h1 tabindex="-1">{ title }</h1>
            { match &*state {
                Some(Ok(p)) => html! {
                    <>
                        <p class="tag">{ format!("Service : {}", p.category) }</p>
                        <p class="lead">{ p.summary.clone() }</p>
                        <p class="notice">{ "Le formulaire en ligne de cette démarche arrivera avec le module des demandes ; il n'est pas encore disponible." }</p>
                    </>
                },
                Some(Err(problem)) => html! { <ProblemAlert problem={Some(problem.clone())} /> },
                None => html! {},
            } }
            <p><Link<Route> to={Route::Home}>{ "Retour à la liste des démarches" }</Link<Route>></p>
        </div>
    }
}
