use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_page_title;
use crate::route::Route;

#[function_component(NotFound)]
pub fn not_found() -> Html {
    use_page_title("Page introuvable");
    html! {
        <div class="container page">
            <h1 tabindex="-1">{ "Page introuvable" }</h1>
            <p>{ "L'adresse demandée ne correspond à aucune page du portail." }</p>
            <p><Link<Route> to={Route::Home}>{ "Retour à l'accueil" }</Link<Route>></p>
        </div>
    }
}
