//! "Modifier" a request: the procedure's form again, filled in with the answers.
//! Only requests the citizen may still change (`editable`) open here.

use domain::ids::RequestId;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::requests;
use crate::components::load_error::{loading, LoadError};
use crate::components::request_form::{Existing, RequestForm};
use crate::components::require_login::RequireLogin;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::{use_page_title, use_session};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: RequestId,
}

#[function_component(EditRequest)]
pub fn edit_request(props: &Props) -> Html {
    html! { <RequireLogin><Editor id={props.id} /></RequireLogin> }
}

#[function_component(Editor)]
fn editor(props: &Props) -> Html {
    let session = use_session();
    let authed = session.authed();
    let state = use_fetch(props.id, move |id| {
        let authed = authed.clone();
        async move { requests::get(&authed, id).await }
    });
    let title = match &*state {
        Some(Ok(d)) => format!(
            "Modifier la demande n° {} – {}",
            d.request.number, d.request.procedure_title
        ),
        Some(Err(_)) => "Demande introuvable".to_string(),
        None => "Chargement de la demande…".to_string(),
    };
    use_page_title(&title);
    html! {
        <div class="container page narrow" aria-busy={state.is_none().to_string()}>
            <h1 tabindex="-1">{ title }</h1>
            { match &*state {
                None => loading("Chargement…"),
                Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
                Some(Ok(d)) if !d.editable => html! {
                    <div class="alert alert--error" role="alert">
                        <p class="alert-title">{ "Cette demande ne peut plus être modifiée." }</p>
                    </div>
                },
                Some(Ok(d)) => html! {
                    <RequestForm slug={d.request.procedure.clone()} form={d.form.clone()}
                        existing={Some(Existing::of(d))} />
                },
            } }
            <p class="back-link">
                <Link<Route> to={Route::MyRequest { id: props.id }}>{ "Retour à la demande" }</Link<Route>>
            </p>
        </div>
    }
}
