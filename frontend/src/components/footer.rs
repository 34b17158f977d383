//! The page footer, with the commune's name.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_commune;
use crate::route::Route;

#[function_component(Footer)]
pub fn footer() -> Html {
    let name = use_commune().name();
    html! {
        <footer class="site-footer">
            <div class="container">
                <p>{ format!("{name} – portail des démarches en ligne") }</p>
                <p><Link<Route> to={Route::Terms}>{ "Conditions générales d'utilisation" }</Link<Route>></p>
            </div>
        </footer>
    }
}
