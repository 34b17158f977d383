//! "Mes demandes": the person's requests. The request engine comes later: until then
//! both lists are honestly empty.

use yew::prelude::*;

use crate::components::require_login::RequireLogin;
use crate::hooks::use_page_title;

#[function_component(MyRequests)]
pub fn my_requests() -> Html {
    use_page_title("Mes demandes");
    html! {
        <RequireLogin>
            <div class="container page">
                <h1 tabindex="-1">{ "Mes demandes" }</h1>
                <section class="card" aria-labelledby="requests-current">
                    <h2 id="requests-current">{ "En cours" }</h2>
                    <p>{ "Aucune demande." }</p>
                </section>
                <section class="card" aria-labelledby="requests-done">
                    <h2 id="requests-done">{ "Effectuées" }</h2>
                    <p>{ "Aucune demande." }</p>
                </section>
            </div>
        </RequireLogin>
    }
}
