//! "Mot de passe ou identifiant oublié ?": the login is mailed, or a reset link is.

use domain::auth::{Accepted, ForgottenLoginRequest, ForgottenPasswordRequest};
use validator::Validate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::auth;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::FieldErrors;
use crate::hooks::use_page_title;
use crate::hooks::use_submit::use_submit;

const FIELDS: [(&str, &str); 2] = [
    ("email", "Votre courriel"),
    ("identifier", "Votre nom d'utilisateur"),
];

#[derive(Clone, Copy, PartialEq)]
enum Lost {
    Login,
    Password,
}

#[function_component(Forgotten)]
pub fn forgotten() -> Html {
    use_page_title("Mot de passe ou identifiant oublié");
    let lost = use_state(|| None::<Lost>);
    let email = use_state(String::new);
    let identifier = use_state(String::new);
    let submit = use_submit();
    let done = use_state(|| None::<Accepted>);

    let choose = |value: Lost| {
        let (lost, submit, done) = (lost.clone(), submit.clone(), done.clone());
        Callback::from(move |e: Event| {
            if e.target_unchecked_into::<HtmlInputElement>().checked() {
                lost.set(Some(value));
                submit.clear();
                done.set(None);
            }
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };

    let onsubmit = {
        let (lost, email, identifier, submit, done) = (
            lost.clone(),
            email.clone(),
            identifier.clone(),
            submit.clone(),
            done.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            done.set(None);
            let fail = |invalid: FieldErrors| submit.invalid(invalid);
            let call = match *lost {
                None => {
                    let mut invalid = FieldErrors::default();
                    invalid.push("lost_login", "required");
                    return fail(invalid);
                }
                Some(Lost::Login) => {
                    let request = ForgottenLoginRequest {
                        email: email.trim().to_string(),
                    };
                    if let Err(invalid) = request.validate() {
                        return fail(FieldErrors::from_validation(&invalid));
                    }
                    Call::Login(request)
                }
                Some(Lost::Password) => {
                    // Whichever is filled in: the address first, as the form reads.
                    let typed = if email.trim().is_empty() {
                        identifier.trim()
                    } else {
                        email.trim()
                    };
                    let request = ForgottenPasswordRequest {
                        identifier: typed.to_string(),
                    };
                    if let Err(invalid) = request.validate() {
                        return fail(FieldErrors::from_validation(&invalid));
                    }
                    Call::Password(request)
                }
            };
            let done = done.clone();
            submit.send(
                async move {
                    match &call {
                        Call::Login(r) => auth::forgotten_login(r).await,
                        Call::Password(r) => auth::forgotten_password(r).await,
                    }
                },
                move |accepted| done.set(Some(accepted)),
            );
        })
    };

    let errors = submit.errors();
    let lost_error = errors.get("lost_login");
    html! {
        <div class="container page narrow">
            <h1 tabindex="-1">{ "Mot de passe ou identifiant oublié" }</h1>
            <ErrorSummary items={errors.summary(&[("lost_login", "Qu'avez-vous perdu ?"), FIELDS[0], FIELDS[1]])} attempt={submit.attempt()} />
            <ProblemAlert problem={submit.problem()} />
            <form class="card" {onsubmit} novalidate=true>
                <fieldset class={classes!("field", lost_error.as_ref().map(|_| "field--error"))}
                    aria-describedby={lost_error.as_ref().map(|_| "lost-error")}>
                    <legend>{ "Qu'avez-vous perdu ?" }<span class="required" aria-hidden="true">{ " *" }</span></legend>
                    <div class="radio">
                        <input type="radio" id="lost_login" name="lost" value="login" required=true
                            checked={*lost == Some(Lost::Login)} onchange={choose(Lost::Login)} />
                        <label for="lost_login">{ "Mon identifiant" }</label>
                    </div>
                    <div class="radio">
                        <input type="radio" id="lost_password" name="lost" value="password"
                            checked={*lost == Some(Lost::Password)} onchange={choose(Lost::Password)} />
                        <label for="lost_password">{ "Mon mot de passe" }</label>
                    </div>
                    if let Some(error) = &lost_error {
                        <p id="lost-error" class="field-error"><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
                    }
                </fieldset>
                { match *lost {
                    Some(Lost::Login) => html! {
                        <TextField id="email" label="Votre courriel" input_type="email" value={(*email).clone()}
                            oninput={set(&email)} autocomplete="email" error={errors.get("email")}
                            hint="Votre nom d'utilisateur vous sera transmis par courriel." />
                    },
                    Some(Lost::Password) => html! {
                        <>
                            <TextField id="email" label="Votre courriel" input_type="email" value={(*email).clone()}
                                oninput={set(&email)} autocomplete="email" error={errors.get("email")} />
                            <p class="or" aria-hidden="true">{ "— OU —" }</p>
                            <TextField id="identifier" label="Votre nom d'utilisateur" value={(*identifier).clone()}
                                oninput={set(&identifier)} autocomplete="username" error={errors.get("identifier")}
                                hint="Un courriel vous sera envoyé afin de vous permettre de réinitialiser votre mot de passe." />
                        </>
                    },
                    None => html! {},
                } }
                <button type="submit" id="forgotten-submit" class="button" disabled={submit.sending()}>
                    { if submit.sending() { "Envoi…" } else { "Envoyer" } }
                </button>
            </form>
            <div role="status" class={classes!(done.as_ref().map(|_| "alert alert--success"))}>
                if let Some(accepted) = &*done { <p>{ accepted.message.clone() }</p> }
            </div>
        </div>
    }
}

enum Call {
    Login(ForgottenLoginRequest),
    Password(ForgottenPasswordRequest),
}
