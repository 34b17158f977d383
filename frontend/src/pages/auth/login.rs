//! "Me connecter", with the invitation to create an account beside it.

use domain::auth::{LoginRequest, RefreshTokenDelivery};
use domain::problem::Problem;
use validator::Validate;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::auth;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::FieldErrors;
use crate::hooks::{use_page_title, use_session};
use crate::route::{ReturnTo, Route};

const FIELDS: [(&str, &str); 2] = [("login", "Identifiant"), ("password", "Mot de passe")];

#[function_component(Login)]
pub fn login() -> Html {
    use_page_title("Me connecter");
    let session = use_session();
    let navigator = use_navigator();
    let back = use_location()
        .and_then(|l| l.query::<ReturnTo>().ok())
        .unwrap_or_default();
    let login = use_state(String::new);
    let password = use_state(String::new);
    let errors = use_state(FieldErrors::default);
    let problem = use_state(|| None::<Problem>);
    let attempt = use_state(|| 0u32);
    let sending = use_state(|| false);

    let onsubmit = {
        let (login, password, errors, problem, attempt, sending) = (
            login.clone(),
            password.clone(),
            errors.clone(),
            problem.clone(),
            attempt.clone(),
            sending.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *sending {
                return;
            }
            let request = LoginRequest {
                login: login.trim().to_string(),
                password: (*password).clone(),
                refresh_token_delivery: RefreshTokenDelivery::Cookie,
            };
            problem.set(None);
            if let Err(invalid) = request.validate() {
                errors.set(FieldErrors::from_validation(&invalid));
                attempt.set(*attempt + 1);
                return;
            }
            errors.set(FieldErrors::default());
            sending.set(true);
            let (session, navigator, back) = (session.clone(), navigator.clone(), back.clone());
            let (errors, problem, attempt, sending) = (
                errors.clone(),
                problem.clone(),
                attempt.clone(),
                sending.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match auth::login(&request).await {
                    Ok(s) => {
                        session.sign_in(s);
                        if let Some(navigator) = navigator {
                            navigator.push(&back.route());
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

    html! {
        <div class="container page">
            <div class="two-columns">
                <section class="card">
                    <h1 tabindex="-1">{ "Me connecter" }</h1>
                    <ErrorSummary items={errors.summary(&FIELDS)} attempt={*attempt} />
                    <ProblemAlert problem={(*problem).clone()} />
                    <form {onsubmit} novalidate=true>
                        <TextField id="login" label="Identifiant" value={(*login).clone()} oninput={set(&login)}
                            required=true autocomplete="username" error={errors.get("login")} />
                        <TextField id="password" label="Mot de passe" input_type="password" value={(*password).clone()}
                            oninput={set(&password)} required=true autocomplete="current-password" error={errors.get("password")} />
                        <p><Link<Route> to={Route::Forgotten}>{ "Mot de passe ou identifiant oublié ?" }</Link<Route>></p>
                        <button type="submit" id="login-submit" class="button" disabled={*sending}>
                            { if *sending { "Connexion…" } else { "Me connecter" } }
                        </button>
                    </form>
                </section>
                <section class="card card--accent" aria-labelledby="no-account">
                    <h2 id="no-account">{ "Vous n'avez pas encore de compte ?" }</h2>
                    <p>{ "En créant un compte, vous pourrez :" }</p>
                    <ul class="benefits">
                        <li><span aria-hidden="true">{ "✓ " }</span>{ "Suivre l'avancement de vos démarches en ligne" }</li>
                        <li><span aria-hidden="true">{ "✓ " }</span>{ "Gagner du temps ! Les formulaires sont pré-remplis avec vos informations" }</li>
                        <li><span aria-hidden="true">{ "✓ " }</span>{ "Retrouver toutes vos démarches en un seul endroit" }</li>
                    </ul>
                    <Link<Route> to={Route::Register} classes="button button--secondary">{ "Créer mon compte" }</Link<Route>>
                </section>
            </div>
        </div>
    }
}
