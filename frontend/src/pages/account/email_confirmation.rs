//! The page of the link mailed to a new e-mail address: it confirms the address as soon
//! as it opens (no login needed), then refreshes the signed-in account, if any, so that
//! the header and "Mon profil" show the new address.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{account, profile, session};
use crate::components::problem_alert::ProblemAlert;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::{use_page_title, use_session};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub token: AttrValue,
}

#[function_component(EmailConfirmation)]
pub fn email_confirmation(props: &Props) -> Html {
    use_page_title("Confirmation de votre adresse e-mail");
    let session = use_session();
    let answer = {
        let session = session.clone();
        use_fetch(props.token.clone(), move |token| {
            let session = session.clone();
            async move {
                let confirmed = profile::confirm_email(&token).await;
                if confirmed.is_ok() && session.session.is_some() {
                    if let (Ok(me), Some(mut stored)) =
                        (account::me(&session.authed()).await, session::load())
                    {
                        stored.account = me;
                        session.sign_in(stored);
                    }
                }
                confirmed
            }
        })
    };
    let signed_in = session.me().is_some();
    let busy = answer.is_none();
    let (message, problem) = match &*answer {
        Some(Ok(accepted)) => (Some(accepted.message.clone()), None),
        Some(Err(p)) => (None, Some(p.clone())),
        None => (None, None),
    };
    html! {
        <div class="container page narrow">
            <h1 tabindex="-1">{ "Confirmation de votre adresse e-mail" }</h1>
            <div aria-busy={if busy { "true" } else { "false" }}>
                <div role="status" id="email-confirmation-status"
                    class={classes!(message.is_some().then_some("alert alert--success"))}>
                    if busy {
                        <p class="loading">{ "Confirmation en cours…" }</p>
                    }
                    if let Some(message) = message {
                        <p>{ message }</p>
                        <p>
                            if signed_in {
                                <Link<Route> to={Route::Profile}>{ "Mon profil" }</Link<Route>>
                            } else {
                                <Link<Route> to={Route::Login}>{ "Me connecter" }</Link<Route>>
                            }
                        </p>
                    }
                </div>
                <ProblemAlert problem={problem.clone()} />
                if problem.is_some() {
                    <p><Link<Route> to={Route::Profile}>{ "Retour à mon profil" }</Link<Route>></p>
                }
            </div>
        </div>
    }
}
