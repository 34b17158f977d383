//! "Échanges", in the manuals' two parts: the messages of the town hall, each tied to a
//! request, and the justificatifs the household's requests need, to provide from here.

pub mod message;
mod messages;
mod required;

use yew::prelude::*;

use crate::components::require_login::RequireLogin;
use crate::hooks::use_page_title;

#[function_component(Exchanges)]
pub fn exchanges() -> Html {
    use_page_title("Échanges");
    html! {
        <RequireLogin>
            <div class="container page">
                <h1 tabindex="-1">{ "Échanges" }</h1>
                <messages::Messages />
                <required::RequiredDocuments />
            </div>
        </RequireLogin>
    }
}
