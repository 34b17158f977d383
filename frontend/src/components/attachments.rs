//! Files attached to a message: the picker of a message being written (each file is
//! sent as soon as it is chosen, with its progress in words, and can be taken off before
//! the message goes), and the list under a message, each file downloadable.

use domain::document::{size_label, FileKind};
use domain::message::{Attachment, MAX_ATTACHMENTS};
use domain::messages::field_message;
use domain::problem::Problem;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::messages;
use crate::hooks::use_session;

/// Largest file, as the server takes it (10 Mo).
const MAX_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

/// The picker's file input (one message is written at a time on a page).
pub const INPUT: &str = "attachment_file";

/// "carnet.pdf (PDF, 182 ko)".
pub fn describe(a: &Attachment) -> String {
    format!(
        "{} ({}, {})",
        a.file_name,
        a.file_kind.label(),
        size_label(a.size_bytes)
    )
}

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub attached: Vec<Attachment>,
    pub on_change: Callback<Vec<Attachment>>,
    /// What the server said of the message's `attachments`.
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// What went wrong with a file, in words.
fn problem_text(p: &Problem) -> String {
    p.errors
        .first()
        .map(|e| field_message(&e.code).to_string())
        .unwrap_or_else(|| p.title.clone())
}

#[function_component(AttachmentPicker)]
pub fn attachment_picker(props: &PickerProps) -> Html {
    let session = use_session();
    let input = use_node_ref();
    let sending = use_state(|| None::<String>);
    let failed = use_state(|| None::<String>);
    let onchange = {
        let (input, sending, failed) = (input.clone(), sending.clone(), failed.clone());
        let (attached, on_change) = (props.attached.clone(), props.on_change.clone());
        Callback::from(move |_: Event| {
            let Some(element) = input.cast::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = element.files().and_then(|f| f.get(0)) else {
                return;
            };
            element.set_value("");
            let name = file.name();
            let refused = if file.size() == 0.0 {
                Some("empty_file")
            } else if file.size() > MAX_BYTES {
                Some("file_too_large")
            } else {
                None
            };
            if let Some(code) = refused {
                failed.set(Some(format!("« {name} » : {}", field_message(code))));
                return;
            }
            failed.set(None);
            sending.set(Some(name.clone()));
            let (authed, sending, failed) = (session.authed(), sending.clone(), failed.clone());
            let (mut attached, on_change) = (attached.clone(), on_change.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = messages::attach(&authed, &file).await;
                sending.set(None);
                match answer {
                    Ok(a) => {
                        attached.push(a);
                        on_change.emit(attached);
                    }
                    Err(p) => failed.set(Some(format!("« {name} » : {}", problem_text(&p)))),
                }
            });
        })
    };
    let full = props.attached.len() >= MAX_ATTACHMENTS;
    let error = (*failed)
        .clone()
        .map(AttrValue::from)
        .or(props.error.clone());
    let accept = FileKind::ALL
        .iter()
        .map(|f| format!(".{},{}", f.extension(), f.mime()))
        .collect::<Vec<_>>()
        .join(",");
    let hint_id = format!("{INPUT}-hint");
    let error_id = format!("{INPUT}-error");
    let described = match &error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    html! {
        <div class={classes!("field", "attachments", error.as_ref().map(|_| "field--error"))}>
            <label for={INPUT}>{ "Joindre un fichier (facultatif)" }</label>
            <p class="hint" id={hint_id}>
                { format!("PDF, JPEG ou PNG, 10 Mo au plus ; {MAX_ATTACHMENTS} fichiers au plus. Chaque fichier est envoyé dès qu'il est choisi.") }
            </p>
            if let Some(error) = &error {
                <p class="field-error" id={error_id}><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
            }
            <input type="file" id={INPUT} ref={input} accept={accept} {onchange}
                disabled={full || sending.is_some()}
                aria-invalid={error.as_ref().map(|_| "true")}
                aria-describedby={described} />
            <p role="status" class="hint" id={format!("{INPUT}-status")}>
                if let Some(name) = &*sending { { format!("Envoi de « {name} » en cours…") } }
                else if full { { "Nombre maximal de fichiers atteint." } }
            </p>
            if !props.attached.is_empty() {
                <ul class="attachment-list" id="attached-files" aria-label="Fichiers joints">
                    { for props.attached.iter().map(|a| {
                        let remove = {
                            let (id, attached, on_change) = (a.id, props.attached.clone(), props.on_change.clone());
                            Callback::from(move |_: MouseEvent| {
                                on_change.emit(attached.iter().filter(|x| x.id != id).cloned().collect());
                                crate::focus::focus_soon(format!("#{INPUT}"));
                            })
                        };
                        html! {
                            <li key={a.id.get()} id={format!("attached-{}", a.id)}>
                                <span>{ describe(a) }</span>{ " " }
                                <button type="button" class="button button--link" onclick={remove}>
                                    { "Retirer" }<span class="sr-only">{ format!(" {}", a.file_name) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub attachments: Vec<Attachment>,
    /// Downloads through the agents' endpoint.
    #[prop_or_default]
    pub agent: bool,
    /// Shown after each file (an agent's "Classer comme justificatif").
    #[prop_or_default]
    pub after: Option<Callback<Attachment, Html>>,
}

/// The files under a message: a button downloads each.
#[function_component(AttachmentList)]
pub fn attachment_list(props: &ListProps) -> Html {
    let session = use_session();
    let failed = use_state(|| false);
    if props.attachments.is_empty() {
        return html! {};
    }
    html! {
        <div class="attachments">
            <p class="thread-attachments-title">{ "Pièces jointes :" }</p>
            <ul class="attachment-list">
                { for props.attachments.iter().map(|a| {
                    let download = {
                        let (authed, failed, agent) = (session.authed(), failed.clone(), props.agent);
                        let (id, name) = (a.id, a.file_name.clone());
                        Callback::from(move |_: MouseEvent| {
                            let (authed, failed, name) = (authed.clone(), failed.clone(), name.clone());
                            wasm_bindgen_futures::spawn_local(async move {
                                let file = if agent {
                                    messages::agent_attachment_file(&authed, id).await
                                } else {
                                    messages::attachment_file(&authed, id).await
                                };
                                let saved = file
                                    .ok()
                                    .and_then(|f| crate::download::save(&f.blob, &name).ok());
                                failed.set(saved.is_none());
                            });
                        })
                    };
                    html! {
                        <li key={a.id.get()}>
                            <button type="button" class="button button--link" id={format!("attachment-{}", a.id)} onclick={download}>
                                <span class="sr-only">{ "Télécharger " }</span>{ describe(a) }
                            </button>
                            if a.filed_as.is_some() {
                                <span class="hint">{ " — classée comme justificatif" }</span>
                            }
                            if let Some(after) = &props.after { { after.emit(a.clone()) } }
                        </li>
                    }
                }) }
            </ul>
            <p role="status" class="hint">
                if *failed { { field_message("download_failed") } }
            </p>
        </div>
    }
}
