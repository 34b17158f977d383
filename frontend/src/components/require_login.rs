//! Pages for signed-in people: others go to the login page, which brings them back.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_session;
use crate::route::{ReturnTo, Route};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub children: Html,
}

#[function_component(RequireLogin)]
pub fn require_login(props: &Props) -> Html {
    let session = use_session();
    let navigator = use_navigator();
    let location = use_location();
    let signed_in = session.me().is_some();
    let restoring = session.restoring;
    use_effect_with((signed_in, restoring), move |(signed_in, restoring)| {
        if !*signed_in && !*restoring {
            if let (Some(navigator), Some(location)) = (navigator, location) {
                let back = ReturnTo {
                    retour: Some(location.path().to_string()),
                };
                let _ = navigator.replace_with_query(&Route::Login, &back);
            }
        }
    });
    if signed_in {
        props.children.clone()
    } else if restoring {
        html! { <p class="container" role="status">{ "Chargement de votre espace…" }</p> }
    } else {
        html! { <p class="container">{ "Redirection vers la page de connexion…" }</p> }
    }
}
