//! The home page: the news, and the catalogue with its search field.

use domain::catalogue::Catalogue;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::catalogue;
use crate::components::problem_alert::ProblemAlert;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::{use_commune, use_page_title};
use crate::route::Route;

#[function_component(Home)]
pub fn home() -> Html {
    use_page_title("Accueil");
    let commune = use_commune();
    let query = use_state(String::new);
    let loaded = use_fetch((), |()| catalogue::catalogue());
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());

    let results = match &*loaded {
        None => html! { <p>{ "Chargement des démarches…" }</p> },
        Some(Err(problem)) => html! { <ProblemAlert problem={Some(problem.clone())} /> },
        Some(Ok(all)) => catalogue_view(&all.filter(&query)),
    };
    let count = match &*loaded {
        Some(Ok(all)) => {
            let n: usize = all
                .filter(&query)
                .categories
                .iter()
                .map(|c| c.procedures.len())
                .sum();
            match n {
                0 => String::new(),
                1 => "1 démarche".to_string(),
                n => format!("{n} démarches"),
            }
        }
        _ => String::new(),
    };

    html! {
        <>
            <section class="hero">
                <div class="container">
                    <h1 tabindex="-1">{ "Portail des démarches en ligne" }</h1>
                    <p class="lead">{ commune.name() }</p>
                </div>
            </section>
            if let Some(c) = &commune.0 {
                <section class="news" aria-label="Actualités">
                    <div class="container">
                        <p><strong class="news-label">{ "ACTUALITÉS" }</strong>{ " " }{ c.news.clone() }</p>
                    </div>
                </section>
            }
            <div class="container page">
                <form class="search" role="search" {onsubmit}>
                    <label for="search">{ "Recherchez une démarche" }</label>
                    <input id="search" name="search" type="search" value={(*query).clone()} {oninput}
                        aria-describedby="search-count" autocomplete="off" />
                    <p id="search-count" class="hint" aria-live="polite">{ count }</p>
                </form>
                <h2>{ "Sélectionnez un service" }</h2>
                { results }
            </div>
        </>
    }
}

fn catalogue_view(catalogue: &Catalogue) -> Html {
    if catalogue.categories.is_empty() {
        return html! { <p class="empty" role="status">{ "Aucune démarche ne correspond à votre recherche." }</p> };
    }
    html! {
        <div class="categories">
            { for catalogue.categories.iter().map(|category| html! {
                <section class="card category" key={category.id.get()}>
                    <h3>{ category.name.clone() }</h3>
                    <ul class="procedures">
                        { for category.procedures.iter().map(|p| html! {
                            <li key={p.id.get()}>
                                <Link<Route> to={Route::Procedure { slug: p.slug.clone() }}>{ p.title.clone() }</Link<Route>>
                                if !p.summary.is_empty() { <p class="hint">{ p.summary.clone() }</p> }
                            </li>
                        }) }
                    </ul>
                </section>
            }) }
        </div>
    }
}
