//! "Changer mon mot de passe", the last card of "Mon profil".

use domain::auth::PasswordChangeRequest;
use validator::Validate;
use yew::prelude::*;

use crate::api::account;
use crate::components::detail_list::{Detail, DetailList};
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::new_password::NewPassword;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::FieldErrors;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

const FIELDS: [(&str, &str); 3] = [
    ("current_password", "Mot de passe actuel"),
    ("password", "Nouveau mot de passe"),
    ("password_confirmation", "Répéter votre mot de passe"),
];

#[function_component(ChangePassword)]
pub fn change_password() -> Html {
    let session = use_session();
    let login = session.me().map(|me| me.login.clone());
    let current = use_state(String::new);
    let password = use_state(String::new);
    let confirmation = use_state(String::new);
    let submit = use_submit();
    let done = use_state(|| false);

    let onsubmit = {
        let (current, password, confirmation, submit, done) = (
            current.clone(),
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
            done.set(false);
            let request = PasswordChangeRequest {
                current_password: (*current).clone(),
                password: (*password).clone(),
                password_confirmation: (*confirmation).clone(),
            };
            if let Err(invalid) = request.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let authed = session.authed();
            let (current, password, confirmation, done) = (
                current.clone(),
                password.clone(),
                confirmation.clone(),
                done.clone(),
            );
            submit.send(
                async move { account::change_password(&authed, &request).await },
                move |()| {
                    for field in [&current, &password, &confirmation] {
                        field.set(String::new());
                    }
                    done.set(true);
                },
            );
        })
    };
    let errors = submit.errors();
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    html! {
        <section class="card" aria-labelledby="change-password">
            <h2 id="change-password">{ "Changer mon mot de passe" }</h2>
            <DetailList items={vec![Detail::new("Identifiant de connexion", login)]} />
            <ErrorSummary id="password-errors" items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
            <ProblemAlert problem={submit.problem()} />
            <form {onsubmit} novalidate=true>
                <TextField id="current_password" label="Mot de passe actuel" input_type="password"
                    value={(*current).clone()} oninput={set(&current)} required=true
                    autocomplete="current-password" error={errors.get("current_password")} />
                <NewPassword password={(*password).clone()} confirmation={(*confirmation).clone()}
                    on_password={set(&password)} on_confirmation={set(&confirmation)}
                    label="Nouveau mot de passe"
                    password_error={errors.get("password")} confirmation_error={errors.get("password_confirmation")} />
                <button type="submit" id="change-password-submit" class="button" disabled={submit.sending()}>
                    { if submit.sending() { "Enregistrement…" } else { "Changer mon mot de passe" } }
                </button>
            </form>
            <div role="status" class={classes!(done.then_some("alert alert--success"))}>
                if *done { <p>{ "Votre mot de passe a bien été modifié." }</p> }
            </div>
        </section>
    }
}
