//! "Me connecter", with the invitation to create an account beside it.

use domain::auth::{LoginRequest, RefreshTokenDelivery};
use validator::Validate;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::auth;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::FieldErrors;
use crate::hooks::use_submit::use_submit;
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
    let submit = use_submit();

    let onsubmit = {
        let (login, password, submit) = (login.clone(), password.clone(), submit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let request = LoginRequest {
                login: login.trim().to_string(),
                password: (*password).clone(),
                refresh_token_delivery: RefreshTokenDelivery::Cookie,
            };
            if let Err(invalid) = request.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let (session, navigator, back) = (session.clone(), navigator.clone(), back.clone());
            submit.send(async move { auth::login(&request).await }, move |s| {
                session.sign_in(s);
                if let Some(navigator) = navigator {
                    navigator.push(&back.route());
                }
            });
        })
    };
    let errors = submit.errors();
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };

    html! {
        <div class="container page">
            <div class="two-columns">
                <section class="card">
                    <h1 tabindex="-1">{ "Me connecter" }</h1>
                    <ErrorSummary items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
                    <ProblemAlert problem={submit.problem()} />
                    <form {onsubmit} novalidate=true>
                        <TextField id="login" label="Identifiant" value={(*login).clone()} oninput={set(&login)}
                            required=true autocomplete="username" error={errors.get("login")} />
                        <TextField id="password" label="Mot de passe" input_type="password" value={(*password).clone()}
                            oninput={set(&password)} required=true autocomplete="current-password" error={errors.get("password")} />
                        <p><Link<Route> to={Route::Forgotten}>{ "Mot de passe ou identifiant oublié ?" }</Link<Route>></p>
                        <button type="submit" id="login-submit" class="button" disabled={submit.sending()}>
                            { if submit.sending() { "Connexion…" } else { "Me connecter" } }
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
