//! The app: router, app-wide contexts and the page layout (skip link, banner, main,
//! footer). On every change of page the focus moves to the new page's title.

use gloo_timers::future::TimeoutFuture;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::focus::focus;
use crate::hooks::{CommuneProvider, SessionProvider};
use crate::pages;
use crate::route::Route;

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <BrowserRouter>
            <SessionProvider>
                <CommuneProvider>
                    <Layout />
                </CommuneProvider>
            </SessionProvider>
        </BrowserRouter>
    }
}

#[function_component(Layout)]
fn layout() -> Html {
    let path = use_location()
        .map(|l| l.path().to_string())
        .unwrap_or_default();
    let first = use_mut_ref(|| true);
    use_effect_with(path, move |_| {
        // The first page keeps the browser's own focus; later ones announce themselves.
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async {
            TimeoutFuture::new(0).await;
            focus("main h1").or_else(|| focus("#contenu"));
        });
    });
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus("#contenu");
    });
    html! {
        <>
            <a class="skip-link" href="#contenu" onclick={skip}>{ "Aller au contenu" }</a>
            <Header />
            <main id="contenu" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <Footer />
        </>
    }
}

fn switch(route: Route) -> Html {
    use pages::*;
    match route {
        Route::Home => html! { <home::Home /> },
        Route::Login => html! { <auth::login::Login /> },
        Route::Register => html! { <account::register::Register /> },
        Route::Activation { token } => html! { <account::activation::Activation {token} /> },
        Route::Forgotten => html! { <auth::forgotten::Forgotten /> },
        Route::PasswordReset { token } => html! { <auth::reset::PasswordReset {token} /> },
        Route::EmailConfirmation { token } => {
            html! { <account::email_confirmation::EmailConfirmation {token} /> }
        }
        Route::Procedure { slug } => html! { <procedures::procedure::ProcedurePage {slug} /> },
        Route::Exchanges => html! { <exchanges::Exchanges /> },
        Route::Agenda => html! { <agenda::AgendaPage /> },
        Route::Message { id } => html! { <exchanges::message::MessagePage {id} /> },
        Route::MyRequests => html! { <requests::my_requests::MyRequests /> },
        Route::MyRequest { id } => html! { <requests::detail::MyRequest {id} /> },
        Route::EditRequest { id } => html! { <requests::edit::EditRequest {id} /> },
        Route::AgentRequests => html! { <agent::inbox::Inbox /> },
        Route::AgentRequest { id } => html! { <agent::request::AgentRequest {id} /> },
        Route::AgentHousehold { id } => html! { <agent::household::Household {id} /> },
        Route::AgentDocuments => html! { <agent::documents::AgentDocuments /> },
        Route::AgentStaff => html! { <agent::staff::Staff /> },
        Route::AgentAgenda => html! { <agent::agenda::AgentAgenda /> },
        Route::AgentUnitDay { activity, unit } => {
            html! { <agent::agenda::roster::UnitDay {activity} {unit} /> }
        }
        Route::Profile => html! { <account::profile::Profile /> },
        Route::Terms => html! { <terms::Terms /> },
        Route::NotFound => html! { <not_found::NotFound /> },
    }
}
