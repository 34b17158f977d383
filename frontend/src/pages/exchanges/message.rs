//! One message: opening it marks it read; the whole conversation of its request, and
//! "Répondre", with files attached.

use domain::ids::MessageId;
use domain::message::Reply;
use validator::Validate;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::messages;
use crate::components::attachments::{self, AttachmentPicker};
use crate::components::error_summary::ErrorSummary;
use crate::components::load_error::{loading, LoadError};
use crate::components::message_thread::MessageThread;
use crate::components::problem_alert::ProblemAlert;
use crate::components::require_login::RequireLogin;
use crate::components::textarea_field::TextareaField;
use crate::forms::{FieldErrors, Inputs};
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_submit::use_submit;
use crate::hooks::{use_page_title, use_session};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: MessageId,
}

#[function_component(MessagePage)]
pub fn message_page(props: &Props) -> Html {
    use_page_title("Message");
    html! {
        <RequireLogin>
            <div class="container page narrow">
                <h1 tabindex="-1">{ "Message" }</h1>
                <Conversation id={props.id} />
                <p class="back-link"><Link<Route> to={Route::Exchanges}>{ "Retour aux échanges" }</Link<Route>></p>
            </div>
        </RequireLogin>
    }
}

#[function_component(Conversation)]
fn conversation(props: &Props) -> Html {
    let session = use_session();
    let version = use_state(|| 0u32);
    let authed = session.authed();
    let thread = use_fetch((props.id, *version), move |(id, _)| {
        let authed = authed.clone();
        async move {
            messages::open(&authed, id).await?;
            messages::thread(&authed, id).await
        }
    });
    let body = use_state(String::new);
    let attached = use_state(Vec::new);
    let submit = use_submit()
        .refocusing("#reply-submit")
        .on_inputs(Inputs::Renamed(&[("attachments", attachments::INPUT)]));
    let sent = use_state(|| false);
    let onsubmit = {
        let (body, attached, submit, sent, version, id) = (
            body.clone(),
            attached.clone(),
            submit.clone(),
            sent.clone(),
            version.clone(),
            props.id,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let reply = Reply {
                body: body.trim().to_string(),
                attachments: attached
                    .iter()
                    .map(|a: &domain::message::Attachment| a.id)
                    .collect(),
            };
            if let Err(invalid) = reply.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let (authed, body, attached, sent, version) = (
                session.authed(),
                body.clone(),
                attached.clone(),
                sent.clone(),
                version.clone(),
            );
            submit.send(
                async move { messages::reply(&authed, id, &reply).await },
                move |_| {
                    body.set(String::new());
                    attached.set(Vec::new());
                    sent.set(true);
                    version.set(*version + 1);
                },
            );
        })
    };
    let on_body = {
        let body = body.clone();
        Callback::from(move |text: String| body.set(text))
    };
    let on_attached = {
        let attached = attached.clone();
        Callback::from(move |list| attached.set(list))
    };
    let errors = submit.errors();
    match &*thread {
        None => loading("Chargement du message…"),
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(list)) => html! {
            <>
                if let Some(first) = list.first() {
                    <p>{ format!("À propos de votre demande « {} » n° {}", first.request.procedure_title, first.request.number) }</p>
                }
                <MessageThread messages={list.clone()} />
                <div role="status" id="reply-status" class={classes!(sent.then_some("alert alert--success"))}>
                    if *sent { <p>{ "Votre réponse a bien été envoyée à la mairie." }</p> }
                </div>
                <form class="card" {onsubmit} novalidate=true aria-labelledby="reply-title">
                    <h2 id="reply-title">{ "Répondre" }</h2>
                    <ErrorSummary id="reply-errors" items={errors.summary(&[("body", "Votre réponse"), (attachments::INPUT, "Pièces jointes")])} attempt={submit.attempt()} />
                    <ProblemAlert problem={submit.problem()} />
                    <TextareaField id="body" label="Votre réponse" value={(*body).clone()} oninput={on_body}
                        required=true maxlength={Some(4000)} error={errors.get("body")} />
                    <AttachmentPicker attached={(*attached).clone()} on_change={on_attached}
                        error={errors.get(attachments::INPUT)} />
                    <button type="submit" id="reply-submit" class="button" disabled={submit.sending()}>
                        { if submit.sending() { "Envoi…" } else { "Envoyer la réponse" } }
                    </button>
                </form>
            </>
        },
    }
}
