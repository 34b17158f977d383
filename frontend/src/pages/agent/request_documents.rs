//! The documents of a request, for agents, and "Demande de justificatifs": one more
//! document the family is asked for (they get a message and a mail).

use domain::document::DocumentAsk;
use domain::ids::RequestId;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api::documents;
use crate::components::load_error::LoadError;
use crate::components::problem_alert::ProblemAlert;
use crate::components::request_documents::RequestDocuments;
use crate::forms::FieldErrors;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub request: RequestId,
    /// Grows when the documents changed elsewhere on the page (a file filed as one).
    #[prop_or_default]
    pub version: u32,
}

#[function_component(AgentRequestDocuments)]
pub fn agent_request_documents(props: &Props) -> Html {
    let session = use_session();
    let authed = session.authed();
    let lines = use_fetch((props.request, props.version), move |(id, _)| {
        let authed = authed.clone();
        async move { documents::of_agent_request(&authed, id).await }
    });
    let authed = session.authed();
    let types = use_fetch((), move |()| {
        let authed = authed.clone();
        async move { documents::types(&authed).await }
    });
    let chosen = use_state(String::new);
    let done = use_state(|| None::<String>);
    let submit = use_submit().refocusing("#ask-submit");
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            chosen.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let ask = {
        let (chosen, done, submit, lines, id) = (
            chosen.clone(),
            done.clone(),
            submit.clone(),
            lines.clone(),
            props.request,
        );
        Callback::from(move |_: MouseEvent| {
            if !submit.begin() {
                return;
            }
            done.set(None);
            if chosen.is_empty() {
                let mut invalid = FieldErrors::default();
                invalid.push("ask_type", "required");
                submit.invalid(invalid);
                return;
            }
            let asked = DocumentAsk {
                document_type: (*chosen).clone(),
                person_id: None,
            };
            let (authed, done, lines) = (session.authed(), done.clone(), lines.clone());
            submit.send(
                async move { documents::ask(&authed, id, &asked).await },
                move |updated| {
                    done.set(Some(
                        "La demande de justificatif a été envoyée à la famille.".to_string(),
                    ));
                    lines.set(Some(Ok(updated)));
                },
            );
        })
    };
    let options = types
        .as_ref()
        .and_then(|t| t.as_ref().ok())
        .cloned()
        .unwrap_or_default();
    let errors = submit.errors();
    let error = errors
        .get("ask_type")
        .or_else(|| errors.get("document_type"))
        .or_else(|| errors.get("person_id"));
    html! {
        <div>
            { match &*lines {
                None => html! { <p class="loading">{ "Chargement des justificatifs…" }</p> },
                Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
                Some(Ok(lines)) => html! { <RequestDocuments lines={lines.clone()} /> },
            } }
            <section class="card no-print" aria-labelledby="ask-title">
                <h2 id="ask-title">{ "Demande de justificatifs" }</h2>
                <div role="status" id="ask-status" class={classes!(done.is_some().then_some("alert alert--success"))}>
                    if let Some(message) = &*done { <p>{ message.clone() }</p> }
                </div>
                <ProblemAlert problem={submit.problem()} />
                <div class={classes!("field", error.as_ref().map(|_| "field--error"))}>
                    <label for="ask_type">{ "Justificatif à demander" }</label>
                    if let Some(e) = &error {
                        <p class="field-error" id="ask_type-error"><span class="sr-only">{ "Erreur : " }</span>{ e.clone() }</p>
                    }
                    <select id="ask_type" onchange={on_choose} aria-invalid={error.as_ref().map(|_| "true")}
                        aria-describedby={error.as_ref().map(|_| "ask_type-error")}>
                        <option value="" selected={chosen.is_empty()}>{ "Choisir…" }</option>
                        { for options.iter().map(|t| html! {
                            <option value={t.slug.clone()} selected={*chosen == t.slug}>{ t.name.clone() }</option>
                        }) }
                    </select>
                </div>
                <button type="button" id="ask-submit" class="button button--secondary"
                    disabled={submit.sending()} onclick={ask}>{ "Demander ce justificatif" }</button>
            </section>
        </div>
    }
}
