//! A procedure's page, for signed-in people: its description, then its form.

use yew::prelude::*;
use yew_router::prelude::*;

use super::intro::Intro;
use crate::api::catalogue;
use crate::components::load_error::{loading, LoadError};
use crate::components::request_form::RequestForm;
use crate::components::require_login::RequireLogin;
use crate::hooks::use_fetch::use_fetch_fresh;
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
    let state = use_fetch_fresh(props.slug.clone(), |slug| async move {
        catalogue::procedure(&slug).await
    });
    let started = use_state(|| false);
    {
        // Another procedure opens on its description.
        let started = started.clone();
        use_effect_with(props.slug.clone(), move |_| started.set(false));
    }
    let title = match &*state {
        Some(Ok(p)) => p.title.clone(),
        Some(Err(_)) => "Démarche introuvable".to_string(),
        None => "Chargement de la démarche…".to_string(),
    };
    use_page_title(&title);
    let on_start = {
        let started = started.clone();
        Callback::from(move |_| started.set(true))
    };
    html! {
        <div class="container page narrow" aria-busy={state.is_none().to_string()}>
            <h1 tabindex="-1">{ title }</h1>
            { match &*state {
                Some(Ok(p)) if *started => html! {
                    <RequestForm slug={p.slug.clone()} form={p.form.clone()} focus_first=true />
                },
                Some(Ok(p)) => html! { <Intro procedure={p.clone()} {on_start} /> },
                Some(Err(problem)) => html! { <LoadError problem={problem.clone()} /> },
                None => loading("Chargement…"),
            } }
            <p class="back-link"><Link<Route> to={Route::Home}>{ "Retour à la liste des démarches" }</Link<Route>></p>
        </div>
    }
}
