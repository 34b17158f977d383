//! "Modifier mon adresse e-mail", in the contacts card: the new address and the current
//! password. The API mails a confirmation link to the new address; the account keeps the
//! address the card shows until that link is used (`/confirmation-courriel/:token`).

use domain::problem::{FieldError, Problem};
use domain::profile::EmailChangeRequest;
use domain::validation::field_errors;
use validator::Validate;
use yew::prelude::*;

use crate::api::profile as api;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::focus::focus_soon;
use crate::forms::FieldErrors;
use crate::hooks::use_session;

const FIELDS: [(&str, &str); 2] = [
    ("new_email", "Nouvelle adresse e-mail"),
    ("email_current_password", "Mot de passe actuel"),
];

/// The API's field names are shared with other forms of the page (`current_password` is
/// also in "Changer mon mot de passe"): this form's inputs have ids of their own.
fn on_inputs(errors: Vec<FieldError>) -> FieldErrors {
    FieldErrors::new(
        errors
            .into_iter()
            .map(|mut e| {
                e.field = match e.field.as_str() {
                    "email" => "new_email".to_string(),
                    "current_password" => "email_current_password".to_string(),
                    other => other.to_string(),
                };
                e
            })
            .collect(),
    )
}

#[function_component(EmailForm)]
pub fn email_form() -> Html {
    let session = use_session();
    let email = use_state(String::new);
    let password = use_state(String::new);
    let errors = use_state(FieldErrors::default);
    let attempt = use_state(|| 0u32);
    let problem = use_state(|| None::<Problem>);
    let sending = use_state(|| false);
    let accepted = use_state(|| None::<String>);

    let onsubmit = {
        let (email, password, errors, attempt, problem, sending, accepted) = (
            email.clone(),
            password.clone(),
            errors.clone(),
            attempt.clone(),
            problem.clone(),
            sending.clone(),
            accepted.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *sending {
                return;
            }
            problem.set(None);
            accepted.set(None);
            let request = EmailChangeRequest {
                email: email.trim().to_string(),
                current_password: (*password).clone(),
            };
            if let Err(invalid) = request.validate() {
                errors.set(on_inputs(field_errors(&invalid)));
                attempt.set(*attempt + 1);
                return;
            }
            errors.set(FieldErrors::default());
            sending.set(true);
            let authed = session.authed();
            let (email, password, errors, attempt, problem, sending, accepted) = (
                email.clone(),
                password.clone(),
                errors.clone(),
                attempt.clone(),
                problem.clone(),
                sending.clone(),
                accepted.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let answer = api::change_email(&authed, &request).await;
                sending.set(false);
                match answer {
                    Ok(done) => {
                        email.set(String::new());
                        password.set(String::new());
                        accepted.set(Some(done.message));
                        // The button was disabled while sending, which drops the focus.
                        focus_soon("#email-submit");
                    }
                    Err(p) if !p.errors.is_empty() => {
                        errors.set(on_inputs(p.errors));
                        attempt.set(*attempt + 1);
                    }
                    Err(p) => {
                        problem.set(Some(p));
                        focus_soon("#email-submit");
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
        <form class="subform" {onsubmit} novalidate=true aria-labelledby="email-form-title">
            <h3 id="email-form-title">{ "Modifier mon adresse e-mail" }</h3>
            <p class="hint">
                { "Un lien de confirmation sera envoyé à la nouvelle adresse. Votre adresse actuelle reste utilisée tant que vous n'avez pas cliqué sur ce lien." }
            </p>
            <ErrorSummary id="email-errors" items={errors.summary(&FIELDS)} attempt={*attempt} />
            <ProblemAlert problem={(*problem).clone()} />
            <TextField id="new_email" label="Nouvelle adresse e-mail" input_type="email"
                autocomplete="email" value={(*email).clone()} oninput={set(&email)} required=true
                error={errors.get("new_email")} />
            <TextField id="email_current_password" label="Mot de passe actuel" input_type="password"
                autocomplete="current-password" value={(*password).clone()} oninput={set(&password)}
                required=true error={errors.get("email_current_password")} />
            <button type="submit" id="email-submit" class="button" disabled={*sending}>
                { if *sending { "Envoi…" } else { "Recevoir le lien de confirmation" } }
            </button>
            <div role="status" id="email-status" class={classes!(accepted.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*accepted { <p>{ message.clone() }</p> }
            </div>
        </form>
    }
}
