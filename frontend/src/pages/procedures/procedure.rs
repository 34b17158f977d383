//! A procedure's page, for signed-in people: its description, then its form. A fiche
//! may start from another (`?depuis=12&pour=autre-enfant` or `nouvelle-annee`).

use yew::prelude::*;
use yew_router::prelude::*;

use super::intro::Intro;
use domain::ids::RequestId;
use domain::request::form::Answers;
use domain::request::FormDefinition;

use crate::api::{catalogue, requests};
use crate::components::load_error::{loading, LoadError};
use crate::components::request_form::RequestForm;
use crate::components::require_login::RequireLogin;
use crate::hooks::use_fetch::{use_fetch, use_fetch_fresh};
use crate::hooks::{use_page_title, use_session};
use crate::route::{Reuse, Route, StartFrom};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub slug: AttrValue,
}

#[function_component(ProcedurePage)]
pub fn procedure_page(props: &Props) -> Html {
    // "Faire une fiche pour un autre enfant" comes back here with another query: a new
    // page, not the last one's confirmation.
    let location = use_location();
    let query = location
        .as_ref()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let from = location
        .and_then(|l| l.query::<StartFrom>().ok())
        .and_then(|q| Some((RequestId(q.depuis?), q.pour?)));
    html! { <RequireLogin><Details key={query} slug={props.slug.clone()} {from} /></RequireLogin> }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    slug: AttrValue,
    /// The request this one starts from, and how.
    from: Option<(RequestId, Reuse)>,
}

#[function_component(Details)]
fn details(props: &DetailsProps) -> Html {
    let session = use_session();
    let state = use_fetch_fresh(props.slug.clone(), |slug| async move {
        catalogue::procedure(&slug).await
    });
    let source = {
        let authed = session.authed();
        use_fetch(props.from.map(|(id, _)| id), move |id| {
            let authed = authed.clone();
            async move {
                match id {
                    Some(id) => requests::get(&authed, id).await.map(Some),
                    None => Ok(None),
                }
            }
        })
    };
    // The form takes its first answers once: it waits for the request it starts from.
    let waiting = props.from.is_some() && source.is_none();
    // A request that cannot be read (gone, another household's) starts nothing.
    let source = match &*source {
        Some(Ok(Some(d))) => Some(d.clone()),
        _ => None,
    };
    let initial = |form: &FormDefinition| -> Option<Answers> {
        let d = source.as_ref()?;
        Some(match props.from?.1 {
            Reuse::AnotherChild => form.for_another_child(&d.answers),
            Reuse::NextYear => {
                form.for_next_year(&d.answers, d.request.person.as_ref().map(|p| p.id))
            }
        })
    };
    let reused = source.as_ref().zip(props.from).map(|(d, (_, reuse))| {
        let what = match reuse {
            Reuse::AnotherChild => {
                "Les informations de votre famille sont reprises de votre demande"
            }
            Reuse::NextYear => "Les réponses de l'an dernier sont reprises de votre demande",
        };
        html! {
            <p class="alert" id="reused-answers">
                { format!("{what} n° {} : vérifiez-les à chaque étape.", d.request.number) }
            </p>
        }
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
            { for reused }
            { match &*state {
                Some(Ok(_)) if waiting => loading("Chargement de votre demande…"),
                Some(Ok(p)) if *started => html! {
                    <RequestForm slug={p.slug.clone()} form={p.form.clone()} initial={initial(&p.form)} focus_first=true />
                },
                Some(Ok(p)) => html! { <Intro procedure={p.clone()} {on_start} /> },
                Some(Err(problem)) => html! { <LoadError problem={problem.clone()} /> },
                None => loading("Chargement…"),
            } }
            <p class="back-link"><Link<Route> to={Route::Home}>{ "Retour à la liste des démarches" }</Link<Route>></p>
        </div>
    }
}
