//! A `documents` field: the documents the request needs, each with where it stands, its
//! "Déposer" (or "Remplacer") button, and "Déjà fourni et valide jusqu'au …" when a
//! valid one serves. The list is the saved draft's (the draft is saved at each step), read
//! again after each save and each upload. The upload form opens in a modal dialog drawn
//! outside the step's form ([`UploadDialog`]), so that sending a file never sends the step.

use domain::document::{Document, DocumentType, RequiredDocument, RequirementStatus};
use domain::ids::RequestId;
use domain::request::FieldDefinition;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::api::documents;
use crate::components::document_status::RequirementBadge;
use crate::components::document_upload::DocumentUpload;
use crate::components::load_error::{loading, LoadError};
use crate::focus::focus_soon;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;

/// The line being uploaded, with its position (for the focus on the way back).
pub type Uploading = Option<(usize, RequiredDocument)>;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: FieldDefinition,
    /// The saved draft, once saved.
    pub request: Option<RequestId>,
    /// Grows at each save of the draft and each upload: the list is read again.
    pub version: u32,
    /// "Envoyé : … est en attente de validation."
    pub status: Option<AttrValue>,
    pub on_upload: Callback<(usize, RequiredDocument)>,
}

/// "Carnet de vaccination DT Polio de MARTIN Léa".
pub fn what(line: &RequiredDocument) -> String {
    format!("{} de {}", line.type_name, line.concerned)
}

fn line_state(line: &RequiredDocument) -> Option<String> {
    let document = line.document.as_ref()?;
    Some(match line.status {
        RequirementStatus::Valid => match document.valid_until {
            Some(until) => format!(
                "Déjà fourni et valide jusqu'au {} : rien à faire.",
                until.format("%d/%m/%Y")
            ),
            None => "Déjà fourni et valide : rien à faire.".to_string(),
        },
        RequirementStatus::Pending => "Envoyé, en attente de validation par la mairie.".into(),
        RequirementStatus::Invalid => match &document.refusal_reason {
            Some(reason) => format!("Refusé par la mairie. Motif : {reason}"),
            None => "Refusé par la mairie.".into(),
        },
        RequirementStatus::Missing => "L'ancien justificatif n'est plus valide.".into(),
    })
}

#[function_component(DocumentsField)]
pub fn documents_field(props: &Props) -> Html {
    let session = use_session();
    let authed = session.authed();
    let lines = use_fetch((props.request, props.version), move |(request, _)| {
        let authed = authed.clone();
        async move {
            match request {
                Some(id) => documents::of_request(&authed, id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let f = &props.field;
    let list = match &*lines {
        None => loading("Chargement des justificatifs…"),
        Some(Err(problem)) => html! { <LoadError problem={problem.clone()} /> },
        Some(Ok(None)) => html! {
            <p class="hint">{ "Enregistrement du brouillon en cours : la liste des justificatifs va s'afficher." }</p>
        },
        Some(Ok(Some(lines))) if lines.is_empty() => html! {
            <p><i>{ "Aucun justificatif n'est demandé pour cette demande." }</i></p>
        },
        Some(Ok(Some(lines))) => html! {
            <ul class="plain-list fiche-documents" id="fiche-documents">
                { for lines.iter().enumerate().map(|(at, line)| {
                    let what = what(line);
                    let label = if line.status.needs_upload() { "Déposer" } else { "Remplacer" };
                    let onclick = {
                        let (cb, line) = (props.on_upload.clone(), line.clone());
                        Callback::from(move |_: MouseEvent| cb.emit((at, line.clone())))
                    };
                    html! {
                        <li key={format!("{}-{:?}-{:?}", line.document_type, line.person_id, line.request_id)}
                            id={format!("fiche-document-line-{at}")}>
                            <RequirementBadge status={line.status} />
                            <strong>{ format!(" {what}") }</strong>
                            if let Some(state) = line_state(line) {
                                <p class="hint">{ state }</p>
                            }
                            <button type="button" id={format!("fiche-document-{at}")} class="button button--secondary"
                                {onclick}>
                                { label }<span class="sr-only">{ format!(" : {what}") }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="field" aria-labelledby={format!("{}-title", f.name)}>
            <h3 id={format!("{}-title", f.name)}>{ f.label.clone() }</h3>
            if let Some(help) = &f.help {
                <p class="hint">{ help.clone() }</p>
            }
            <p role="status" class="hint" id="fiche-documents-status">
                if let Some(status) = &props.status {
                    { status.clone() }
                }
            </p>
            { list }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub uploading: Uploading,
    pub on_sent: Callback<(usize, Document)>,
    pub on_close: Callback<usize>,
}

/// "Déposer : <document>" in a native modal dialog: the focus stays in it, Échap closes it.
#[function_component(UploadDialog)]
pub fn upload_dialog(props: &DialogProps) -> Html {
    let session = use_session();
    let node = use_node_ref();
    let authed = session.authed();
    let types = use_fetch((), move |()| {
        let authed = authed.clone();
        async move { documents::types(&authed).await }
    });
    let document_type: Option<DocumentType> = props.uploading.as_ref().and_then(|(_, line)| {
        types
            .as_ref()
            .and_then(|t| t.as_ref().ok())
            .and_then(|t| t.iter().find(|t| t.slug == line.document_type).cloned())
    });
    let open = document_type.is_some();
    {
        let node = node.clone();
        use_effect_with(open, move |open| {
            if let Some(dialog) = node.cast::<HtmlDialogElement>() {
                if *open && !dialog.open() {
                    let _ = dialog.show_modal();
                    focus_soon("#upload_file");
                } else if !*open && dialog.open() {
                    dialog.close();
                }
            }
        });
    }
    let at = props.uploading.as_ref().map_or(0, |(at, _)| *at);
    let close = {
        let on_close = props.on_close.clone();
        move || on_close.emit(at)
    };
    // Échap; a close after a sending is ours (the dialog is no longer open in the props).
    let onclose = {
        let close = close.clone();
        Callback::from(move |_: Event| {
            if open {
                close()
            }
        })
    };
    let on_cancel = {
        let close = close.clone();
        Callback::from(move |()| close())
    };
    let on_sent = {
        let on_sent = props.on_sent.clone();
        Callback::from(move |document: Document| on_sent.emit((at, document)))
    };
    html! {
        <dialog ref={node} id="upload-dialog" class="dialog" aria-labelledby="upload-title" {onclose}>
            <div class="dialog__body">
                if let (Some(t), Some((_, line))) = (document_type, props.uploading.as_ref()) {
                    <DocumentUpload document_type={t} person_id={line.person_id} request_id={line.request_id}
                        title={what(line)} {on_sent} {on_cancel} />
                }
            </div>
        </dialog>
    }
}
