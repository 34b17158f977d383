//! The page footer, with the commune's name.

use yew::prelude::*;

use crate::hooks::use_commune;

#[function_component(Footer)]
pub fn footer() -> Html {
    let name = use_commune().name();
    html! {
        <footer class="site-footer">
            <div class="container">
                <p>{ format!("{name} – portail des démarches en ligne") }</p>
            </div>
        </footer>
    }
}
