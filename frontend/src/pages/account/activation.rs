//! The activation link: choose the login and the password, then be signed in.

use domain::account::ActivationRequest;
use domain::auth::RefreshTokenDelivery;
use validator::Validate;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::account;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::new_password::NewPassword;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::FieldErrors;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_submit::use_submit;
use crate::hooks::{use_page_title, use_session};
use crate::route::Route;

const FIELDS: [(&str, &str); 3] = [
    ("login", "Votre identifiant de connexion"),
    ("password", "Mot de passe"),
    ("password_confirmation", "Répéter votre mot de passe"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub token: AttrValue,
}

#[function_component(Activation)]
pub fn activation(props: &Props) -> Html {
    use_page_title("Activation du compte");
    let session = use_session();
    let navigator = use_navigator();
    let login = use_state(String::new);
    let password = use_state(String::new);
    let confirmation = use_state(String::new);
    let submit = use_submit();
    let info = {
        let login = login.clone();
        use_fetch(props.token.clone(), move |token| {
            let login = login.clone();
            async move {
                let answer = account::activation_info(&token).await;
                if let Ok(i) = &answer {
                    login.set(i.suggested_login.clone());
                }
                answer
            }
        })
    };
    let onsubmit = {
        let token = props.token.clone();
        let (login, password, confirmation, submit) = (
            login.clone(),
            password.clone(),
            confirmation.clone(),
            submit.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let request = ActivationRequest {
                login: login.trim().to_string(),
                password: (*password).clone(),
                password_confirmation: (*confirmation).clone(),
                refresh_token_delivery: RefreshTokenDelivery::Cookie,
            };
            if let Err(invalid) = request.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let token = token.to_string();
            let (session, navigator) = (session.clone(), navigator.clone());
            submit.send(
                async move { account::activate(&token, &request).await },
                move |s| {
                    session.sign_in(s);
                    if let Some(navigator) = navigator {
                        navigator.push(&Route::Home);
                    }
                },
            );
        })
    };
    let errors = submit.errors();
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let cancel = {
        let navigator = use_navigator();
        Callback::from(move |_: MouseEvent| {
            if let Some(n) = &navigator {
                n.push(&Route::Home);
            }
        })
    };

    let body = match &*info {
        None => html! { <p>{ "Chargement…" }</p> },
        Some(Err(p)) => html! {
            <>
                <ProblemAlert problem={Some(p.clone())} />
                <ul class="links">
                    <li><Link<Route> to={Route::Register}>{ "Créer mon compte" }</Link<Route>></li>
                    <li><Link<Route> to={Route::Forgotten}>{ "Mot de passe ou identifiant oublié ?" }</Link<Route>></li>
                </ul>
            </>
        },
        Some(Ok(info)) => html! {
            <>
                <ErrorSummary items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
                <ProblemAlert problem={submit.problem()} />
                <form class="card" {onsubmit} novalidate=true>
                    <p>{ format!("Bienvenue {} {}, adresse : {}", info.first_name, info.birth_name.to_uppercase(), info.email) }</p>
                    <p class="hint" id="login-hint-text">{ "Un identifiant vous a été attribué par défaut (prénom.nom), vous pouvez le modifier si vous le souhaitez" }</p>
                    <TextField id="login" label="Votre identifiant de connexion" value={(*login).clone()}
                        oninput={set(&login)} required=true autocomplete="username" error={errors.get("login")}
                        describedby="login-hint-text" />
                    <NewPassword password={(*password).clone()} confirmation={(*confirmation).clone()}
                        on_password={set(&password)} on_confirmation={set(&confirmation)}
                        password_error={errors.get("password")} confirmation_error={errors.get("password_confirmation")} />
                    <div class="actions">
                        <button type="button" id="activation-cancel" class="button button--secondary" onclick={cancel}>{ "Annuler" }</button>
                        <button type="submit" id="activation-submit" class="button" disabled={submit.sending()}>
                            { if submit.sending() { "Activation…" } else { "Valider et accéder à votre compte" } }
                        </button>
                    </div>
                </form>
            </>
        },
    };
    html! {
        <div class="container page narrow">
            <h1 tabindex="-1">{ "Activation du compte" }</h1>
            { body }
        </div>
    }
}
