//! "Messages" on a request, for agents: the conversation with the family (their answers
//! become read) and a new message, which the family is told of by e-mail.

use domain::ids::RequestId;
use domain::message::NewMessage;
use validator::Validate;
use yew::prelude::*;

use crate::api::messages;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::load_error::LoadError;
use crate::components::message_thread::MessageThread;
use crate::components::problem_alert::ProblemAlert;
use crate::components::textarea_field::TextareaField;
use crate::forms::{FieldErrors, Inputs};
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

/// The page has other forms: these inputs have ids of their own.
const INPUTS: Inputs = Inputs::Renamed(&[("subject", "message_subject"), ("body", "message_body")]);

#[derive(Properties, PartialEq)]
pub struct Props {
    pub request: RequestId,
}

#[function_component(RequestMessages)]
pub fn request_messages(props: &Props) -> Html {
    let session = use_session();
    let version = use_state(|| 0u32);
    let authed = session.authed();
    let thread = use_fetch((props.request, *version), move |(id, _)| {
        let authed = authed.clone();
        async move { messages::of_request(&authed, id).await }
    });
    let subject = use_state(String::new);
    let body = use_state(String::new);
    let sent = use_state(|| false);
    let submit = use_submit().refocusing("#message-submit").on_inputs(INPUTS);
    let onsubmit = {
        let (subject, body, sent, version, submit, id) = (
            subject.clone(),
            body.clone(),
            sent.clone(),
            version.clone(),
            submit.clone(),
            props.request,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            sent.set(false);
            let message = NewMessage {
                subject: subject.trim().to_string(),
                body: body.trim().to_string(),
            };
            if let Err(invalid) = message.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let (authed, subject, body, sent, version) = (
                session.authed(),
                subject.clone(),
                body.clone(),
                sent.clone(),
                version.clone(),
            );
            submit.send(
                async move { messages::write(&authed, id, &message).await },
                move |_| {
                    subject.set(String::new());
                    body.set(String::new());
                    sent.set(true);
                    version.set(*version + 1);
                },
            );
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let errors = submit.errors();
    let conversation = match &*thread {
        None => html! { <p class="loading">{ "Chargement des messages…" }</p> },
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p><i>{ "Aucun message sur cette demande." }</i></p> }
        }
        Some(Ok(list)) => html! { <MessageThread messages={list.clone()} /> },
    };
    html! {
        <section class="card no-print" aria-labelledby="request-messages-title">
            <h2 id="request-messages-title">{ "Messages" }</h2>
            { conversation }
            <div role="status" id="message-status" class={classes!(sent.then_some("alert alert--success"))}>
                if *sent { <p>{ "Le message a été envoyé : la famille en est prévenue par courriel." }</p> }
            </div>
            <form class="subform" {onsubmit} novalidate=true aria-labelledby="message-form-title">
                <h3 id="message-form-title">{ "Écrire à la famille" }</h3>
                <ErrorSummary id="message-errors" items={errors.summary(&[("message_subject", "Sujet"), ("message_body", "Message")])} attempt={submit.attempt()} />
                <ProblemAlert problem={submit.problem()} />
                <TextField id="message_subject" label="Sujet" value={(*subject).clone()} oninput={set(&subject)}
                    required=true autocomplete="off" error={errors.get("message_subject")} />
                <TextareaField id="message_body" label="Message" value={(*body).clone()} oninput={set(&body)}
                    required=true maxlength={Some(4000)} error={errors.get("message_body")} />
                <button type="submit" id="message-submit" class="button" disabled={submit.sending()}>
                    { if submit.sending() { "Envoi…" } else { "Envoyer le message" } }
                </button>
            </form>
        </section>
    }
}
