//! "Classer comme justificatif": an agent files a family's attachment as one of the
//! documents the request needs (it then waits for validation in the queue).

use domain::document::{RequiredDocument, UploadFields};
use domain::ids::RequestId;
use domain::message::Attachment;
use yew::prelude::*;

use crate::api::{documents, messages};
use crate::components::load_error::LoadError;
use crate::components::problem_alert::ProblemAlert;
use crate::components::select_field::SelectField;
use crate::forms::FieldErrors;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub attachment: Attachment,
    pub request: RequestId,
    pub on_filed: Callback<()>,
}

/// A button that opens the form (the request's needs are loaded only then).
#[function_component(FileAs)]
pub fn file_as(props: &Props) -> Html {
    let open = use_state(|| false);
    if props.attachment.filed_as.is_some() {
        return html! {};
    }
    if *open {
        let close = {
            let open = open.clone();
            Callback::from(move |()| open.set(false))
        };
        return html! {
            <FileAsForm attachment={props.attachment.clone()} request={props.request}
                on_filed={props.on_filed.clone()} on_cancel={close} />
        };
    }
    let id = props.attachment.id;
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(true);
            crate::focus::focus_soon(format!("#file-as-{id}"));
        })
    };
    html! {
        <>
            { " " }
            <button type="button" class="button button--link" id={format!("file-as-open-{id}")} {onclick}>
                { "Classer comme justificatif" }<span class="sr-only">{ format!(" : {}", props.attachment.file_name) }</span>
            </button>
        </>
    }
}

/// An option's value: "dt-polio/12" (the type, and the person when there is one).
fn key(line: &RequiredDocument) -> String {
    let person = line.person_id.map(|p| p.to_string()).unwrap_or_default();
    format!("{}/{person}", line.document_type)
}

#[derive(Properties, PartialEq)]
struct FormProps {
    attachment: Attachment,
    request: RequestId,
    on_filed: Callback<()>,
    on_cancel: Callback<()>,
}

#[function_component(FileAsForm)]
fn file_as_form(props: &FormProps) -> Html {
    let session = use_session();
    let authed = session.authed();
    let lines = use_fetch(props.request, move |id| {
        let authed = authed.clone();
        async move { documents::of_agent_request(&authed, id).await }
    });
    let chosen = use_state(String::new);
    let id = props.attachment.id;
    let select_id = format!("file-as-{id}");
    let submit = use_submit().refocusing(format!("#file-as-submit-{id}"));
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |value: String| chosen.set(value))
    };
    let list = lines
        .as_ref()
        .and_then(|l| l.as_ref().ok())
        .cloned()
        .unwrap_or_default();
    let onsubmit = {
        let (chosen, submit, on_filed) = (chosen.clone(), submit.clone(), props.on_filed.clone());
        let list = list.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let Some(line) = list.iter().find(|l| key(l) == *chosen) else {
                let mut invalid = FieldErrors::default();
                invalid.push("document_type", "required");
                submit.invalid(invalid);
                return;
            };
            let fields = UploadFields {
                document_type: line.document_type.clone(),
                person_id: line.person_id,
                request_id: line.request_id,
                document_date: None,
            };
            let (authed, on_filed) = (session.authed(), on_filed.clone());
            submit.send(
                async move { messages::file_as(&authed, id, &fields).await },
                move |_| on_filed.emit(()),
            );
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let errors = submit.errors();
    let error = errors
        .get("document_type")
        .or_else(|| errors.get("person_id"))
        .or_else(|| errors.get("document_date"));
    let options: Vec<(AttrValue, AttrValue)> = list
        .iter()
        .map(|l| {
            let label = format!("{} de {} ({})", l.type_name, l.concerned, l.status.label());
            (AttrValue::from(key(l)), AttrValue::from(label))
        })
        .collect();
    html! {
        <form class="subform file-as" {onsubmit} novalidate=true aria-label={format!("Classer {} comme justificatif", props.attachment.file_name)}>
            <ProblemAlert problem={submit.problem()} />
            { match &*lines {
                None => html! { <p class="loading">{ "Chargement des justificatifs de la demande…" }</p> },
                Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
                Some(Ok(l)) if l.is_empty() => html! {
                    <p>{ "Cette demande n'attend aucun justificatif : demandez-en un ci-dessus (« Demande de justificatifs »)." }</p>
                },
                Some(Ok(_)) => html! {
                    <SelectField id={select_id.clone()} label="Justificatif de la demande"
                        value={(*chosen).clone()} options={options.clone()} onchange={on_choose.clone()}
                        required=true error={error.clone()} placeholder="Choisir…" />
                },
            } }
            <div class="actions">
                <button type="submit" class="button button--secondary" id={format!("file-as-submit-{id}")}
                    disabled={submit.sending() || list.is_empty()}>
                    { if submit.sending() { "Classement…" } else { "Classer" } }
                </button>
                <button type="button" class="button button--link" onclick={cancel}>{ "Annuler" }</button>
            </div>
        </form>
    }
}
