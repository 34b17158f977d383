//! "Modifier mon adresse e-mail", in the contacts card: the new address and the current
//! password. The API mails a confirmation link to the new address; the account keeps the
//! address the card shows until that link is used (`/confirmation-courriel/:token`).

use domain::profile::EmailChangeRequest;
use validator::Validate;
use yew::prelude::*;

use crate::api::profile as api;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::{FieldErrors, Inputs};
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

const FIELDS: [(&str, &str); 2] = [
    ("new_email", "Nouvelle adresse e-mail"),
    ("email_current_password", "Mot de passe actuel"),
];

/// The API's field names are shared with other forms of the page (`current_password` is
/// also in "Changer mon mot de passe"): this form's inputs have ids of their own.
const INPUTS: Inputs = Inputs::Renamed(&[
    ("email", "new_email"),
    ("current_password", "email_current_password"),
]);

#[function_component(EmailForm)]
pub fn email_form() -> Html {
    let session = use_session();
    let email = use_state(String::new);
    let password = use_state(String::new);
    let submit = use_submit().refocusing("#email-submit").on_inputs(INPUTS);
    let accepted = use_state(|| None::<String>);

    let onsubmit = {
        let (email, password, submit, accepted) = (
            email.clone(),
            password.clone(),
            submit.clone(),
            accepted.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            accepted.set(None);
            let request = EmailChangeRequest {
                email: email.trim().to_string(),
                current_password: (*password).clone(),
            };
            if let Err(invalid) = request.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let authed = session.authed();
            let (email, password, accepted) = (email.clone(), password.clone(), accepted.clone());
            submit.send(
                async move { api::change_email(&authed, &request).await },
                move |done| {
                    email.set(String::new());
                    password.set(String::new());
                    accepted.set(Some(done.message));
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
        <form class="subform" {onsubmit} novalidate=true aria-labelledby="email-form-title">
            <h3 id="email-form-title">{ "Modifier mon adresse e-mail" }</h3>
            <p class="hint">
                { "Un lien de confirmation sera envoyé à la nouvelle adresse. Votre adresse actuelle reste utilisée tant que vous n'avez pas cliqué sur ce lien." }
            </p>
            <ErrorSummary id="email-errors" items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
            <ProblemAlert problem={submit.problem()} />
            <TextField id="new_email" label="Nouvelle adresse e-mail" input_type="email"
                autocomplete="email" value={(*email).clone()} oninput={set(&email)} required=true
                error={errors.get("new_email")} />
            <TextField id="email_current_password" label="Mot de passe actuel" input_type="password"
                autocomplete="current-password" value={(*password).clone()} oninput={set(&password)}
                required=true error={errors.get("email_current_password")} />
            <button type="submit" id="email-submit" class="button" disabled={submit.sending()}>
                { if submit.sending() { "Envoi…" } else { "Recevoir le lien de confirmation" } }
            </button>
            <div role="status" id="email-status" class={classes!(accepted.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*accepted { <p>{ message.clone() }</p> }
            </div>
        </form>
    }
}
