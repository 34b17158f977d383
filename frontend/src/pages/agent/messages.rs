//! "Messages" on a request, for agents: the conversation with the family (their answers
//! become read, their files can be filed as the request's documents) and a new message
//! with files attached, which the family is told of by e-mail.

use domain::ids::RequestId;
use domain::message::NewMessage;
use validator::Validate;
use yew::prelude::*;

use super::file_as::FileAs;
use crate::api::messages;
use crate::components::attachments::{self, AttachmentPicker};
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
const INPUTS: Inputs = Inputs::Renamed(&[
    ("subject", "message_subject"),
    ("body", "message_body"),
    ("attachments", attachments::INPUT),
]);

#[derive(Properties, PartialEq)]
pub struct Props {
    pub request: RequestId,
    /// A family's file became one of the request's documents.
    #[prop_or_default]
    pub on_filed: Callback<()>,
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
    let attached = use_state(Vec::new);
    let sent = use_state(|| false);
    let submit = use_submit().refocusing("#message-submit").on_inputs(INPUTS);
    let onsubmit = {
        let (subject, body, attached, sent, version, submit, id) = (
            subject.clone(),
            body.clone(),
            attached.clone(),
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
                attachments: attached
                    .iter()
                    .map(|a: &domain::message::Attachment| a.id)
                    .collect(),
            };
            if let Err(invalid) = message.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let (authed, subject, body, attached, sent, version) = (
                session.authed(),
                subject.clone(),
                body.clone(),
                attached.clone(),
                sent.clone(),
                version.clone(),
            );
            submit.send(
                async move { messages::write(&authed, id, &message).await },
                move |_| {
                    subject.set(String::new());
                    body.set(String::new());
                    attached.set(Vec::new());
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
    let on_attached = {
        let attached = attached.clone();
        Callback::from(move |list| attached.set(list))
    };
    let filed = use_state(|| false);
    let family_file = {
        let (request, version, filed) = (props.request, version.clone(), filed.clone());
        let told = props.on_filed.clone();
        Callback::from(move |a: domain::message::Attachment| {
            let (version, filed, told) = (version.clone(), filed.clone(), told.clone());
            let on_filed = Callback::from(move |()| {
                filed.set(true);
                version.set(*version + 1);
                told.emit(());
                crate::focus::focus_soon("#file-as-status".to_string());
            });
            html! { <FileAs attachment={a} {request} {on_filed} /> }
        })
    };
    let errors = submit.errors();
    let conversation = match &*thread {
        None => html! { <p class="loading">{ "Chargement des messages…" }</p> },
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p><i>{ "Aucun message sur cette demande." }</i></p> }
        }
        Some(Ok(list)) => html! {
            <MessageThread messages={list.clone()} agent=true family_file={family_file} />
        },
    };
    html! {
        <section class="card no-print" aria-labelledby="request-messages-title">
            <h2 id="request-messages-title">{ "Messages" }</h2>
            { conversation }
            <div role="status" id="file-as-status" tabindex="-1" class={classes!(filed.then_some("alert alert--success"))}>
                if *filed { <p>{ "La pièce jointe a été classée : le justificatif attend sa validation (file des justificatifs)." }</p> }
            </div>
            <div role="status" id="message-status" class={classes!(sent.then_some("alert alert--success"))}>
                if *sent { <p>{ "Le message a été envoyé : la famille en est prévenue par courriel." }</p> }
            </div>
            <form class="subform" {onsubmit} novalidate=true aria-labelledby="message-form-title">
                <h3 id="message-form-title">{ "Écrire à la famille" }</h3>
                <ErrorSummary id="message-errors" items={errors.summary(&[("message_subject", "Sujet"), ("message_body", "Message"), (attachments::INPUT, "Pièces jointes")])} attempt={submit.attempt()} />
                <ProblemAlert problem={submit.problem()} />
                <TextField id="message_subject" label="Sujet" value={(*subject).clone()} oninput={set(&subject)}
                    required=true autocomplete="off" error={errors.get("message_subject")} />
                <TextareaField id="message_body" label="Message" value={(*body).clone()} oninput={set(&body)}
                    required=true maxlength={Some(4000)} error={errors.get("message_body")} />
                <AttachmentPicker attached={(*attached).clone()} on_change={on_attached}
                    error={errors.get(attachments::INPUT)} />
                <button type="submit" id="message-submit" class="button" disabled={submit.sending()}>
                    { if submit.sending() { "Envoi…" } else { "Envoyer le message" } }
                </button>
            </form>
        </section>
    }
}
