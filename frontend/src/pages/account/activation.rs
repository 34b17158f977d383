//! The activation link: choose the login and the password, then be signed in.

use domain::account::{ActivationInfo, ActivationRequest};
use domain::auth::RefreshTokenDelivery;
use domain::problem::Problem;
use validator::Validate;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::account;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::new_password::NewPassword;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::FieldErrors;
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
    let info = use_state(|| None::<Result<ActivationInfo, Problem>>);
    let login = use_state(String::new);
    let password = use_state(String::new);
    let confirmation = use_state(String::new);
    let errors = use_state(FieldErrors::default);
    let attempt = use_state(|| 0u32);
    let problem = use_state(|| None::<Problem>);
    let sending = use_state(|| false);
    {
        let (info, login) = (info.clone(), login.clone());
        use_effect_with(props.token.clone(), move |token| {
            let token = token.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                let answer = account::activation_info(&token).await;
                if let Ok(i) = &answer {
                    login.set(i.suggested_login.clone());
                }
                info.set(Some(answer));
            });
        });
    }
    let onsubmit = {
        let token = props.token.clone();
        let (login, password, confirmation, errors, attempt, problem, sending) = (
            login.clone(),
            password.clone(),
            confirmation.clone(),
            errors.clone(),
            attempt.clone(),
            problem.clone(),
            sending.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *sending {
                return;
            }
            problem.set(None);
            let request = ActivationRequest {
                login: login.trim().to_string(),
                password: (*password).clone(),
                password_confirmation: (*confirmation).clone(),
                refresh_token_delivery: RefreshTokenDelivery::Cookie,
            };
            if let Err(invalid) = request.validate() {
                errors.set(FieldErrors::from_validation(&invalid));
                attempt.set(*attempt + 1);
                return;
            }
            errors.set(FieldErrors::default());
            sending.set(true);
            let token = token.to_string();
            let (session, navigator) = (session.clone(), navigator.clone());
            let (errors, attempt, problem, sending) = (
                errors.clone(),
                attempt.clone(),
                problem.clone(),
                sending.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match account::activate(&token, &request).await {
                    Ok(s) => {
                        session.sign_in(s);
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::Home);
                        }
                    }
                    Err(p) => {
                        sending.set(false);
                        if p.errors.is_empty() {
                            problem.set(Some(p));
                        } else {
                            errors.set(FieldErrors::from_problem(&p));
                            attempt.set(*attempt + 1);
                        }
                    }
                }
            });
        })
    };
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
                <ErrorSummary items={errors.summary(&FIELDS)} attempt={*attempt} />
                <ProblemAlert problem={(*problem).clone()} />
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
                        <button type="submit" id="activation-submit" class="button" disabled={*sending}>
                            { if *sending { "Activation…" } else { "Valider et accéder à votre compte" } }
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
