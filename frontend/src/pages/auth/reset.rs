//! The page of a password reset link: a new password for the account it names.

use domain::auth::PasswordResetRequest;
use validator::Validate;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::auth;
use crate::components::error_summary::ErrorSummary;
use crate::components::new_password::NewPassword;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::FieldErrors;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_page_title;
use crate::hooks::use_submit::use_submit;
use crate::route::Route;

const FIELDS: [(&str, &str); 2] = [
    ("password", "Nouveau mot de passe"),
    ("password_confirmation", "Répéter votre mot de passe"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub token: AttrValue,
}

#[function_component(PasswordReset)]
pub fn password_reset(props: &Props) -> Html {
    use_page_title("Réinitialisation du mot de passe");
    let password = use_state(String::new);
    let confirmation = use_state(String::new);
    let submit = use_submit();
    let done = use_state(|| false);
    let info = use_fetch(props.token.clone(), |token| async move {
        auth::reset_info(&token).await
    });
    let onsubmit = {
        let token = props.token.clone();
        let (password, confirmation, submit, done) = (
            password.clone(),
            confirmation.clone(),
            submit.clone(),
            done.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let request = PasswordResetRequest {
                password: (*password).clone(),
                password_confirmation: (*confirmation).clone(),
            };
            if let Err(invalid) = request.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let token = token.to_string();
            let done = done.clone();
            submit.send(
                async move { auth::reset_password(&token, &request).await },
                move |()| done.set(true),
            );
        })
    };
    let errors = submit.errors();
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };

    let body = match &*info {
        None => html! { <p>{ "Chargement…" }</p> },
        Some(Err(p)) => html! {
            <>
                <ProblemAlert problem={Some(p.clone())} />
                <p><Link<Route> to={Route::Forgotten}>{ "Mot de passe ou identifiant oublié ?" }</Link<Route>></p>
            </>
        },
        Some(Ok(_)) if *done => html! {
            <div class="alert alert--success" role="status">
                <p>{ "Votre mot de passe a bien été modifié. Vous pouvez maintenant vous connecter." }</p>
                <p><Link<Route> to={Route::Login}>{ "Me connecter" }</Link<Route>></p>
            </div>
        },
        Some(Ok(info)) => html! {
            <>
                <ErrorSummary items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
                <ProblemAlert problem={submit.problem()} />
                <form class="card" {onsubmit} novalidate=true>
                    <p>{ "Identifiant : " }<strong id="reset-login">{ info.login.clone() }</strong></p>
                    <NewPassword password={(*password).clone()} confirmation={(*confirmation).clone()}
                        on_password={set(&password)} on_confirmation={set(&confirmation)}
                        label="Nouveau mot de passe"
                        password_error={errors.get("password")} confirmation_error={errors.get("password_confirmation")} />
                    <button type="submit" id="reset-submit" class="button" disabled={submit.sending()}>
                        { if submit.sending() { "Enregistrement…" } else { "Enregistrer le nouveau mot de passe" } }
                    </button>
                </form>
            </>
        },
    };
    html! {
        <div class="container page narrow">
            <h1 tabindex="-1">{ "Réinitialisation du mot de passe" }</h1>
            { body }
        </div>
    }
}
