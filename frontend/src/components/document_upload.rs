//! "Déposer un justificatif": the file (the formats and size the type accepts), and the
//! date on the document when its validity counts from it. The size is checked before
//! sending; the kind is decided by the server from the content.

use chrono::NaiveDate;
use domain::document::{Document, DocumentType, UploadFields};
use domain::ids::{PersonId, RequestId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::documents;
use crate::components::date_field::{DateField, DateParts};
use crate::components::error_summary::ErrorSummary;
use crate::components::problem_alert::ProblemAlert;
use crate::forms::{FieldErrors, Inputs};
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

/// One upload form is open at a time: its ids are fixed.
const INPUTS: Inputs =
    Inputs::Renamed(&[("file", "upload_file"), ("document_date", "upload_date")]);

#[derive(Properties, PartialEq)]
pub struct Props {
    pub document_type: DocumentType,
    pub person_id: Option<PersonId>,
    /// The fiche whose child to add the document is about (no person yet).
    #[prop_or_default]
    pub request_id: Option<RequestId>,
    /// "Carnet de vaccination DT Polio de MOUNIER Éric".
    pub title: AttrValue,
    pub on_sent: Callback<Document>,
    pub on_cancel: Callback<()>,
}

/// "10 Mo", "PDF, JPEG ou PNG".
fn accepted(t: &DocumentType) -> String {
    let names: Vec<&str> = t.formats.iter().map(|f| f.label()).collect();
    let formats = match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} ou {last}", rest.join(", ")),
        None => String::new(),
    };
    format!(
        "Formats acceptés : {formats}. Taille maximale : {} Mo.",
        t.max_bytes / (1024 * 1024)
    )
}

#[function_component(DocumentUpload)]
pub fn document_upload(props: &Props) -> Html {
    let session = use_session();
    let input = use_node_ref();
    let dated = use_state(DateParts::default);
    let submit = use_submit().refocusing("#upload-submit").on_inputs(INPUTS);
    let file_id = "upload_file";
    let needs_date = props.document_type.validity.needs_document_date();
    let fields: [(&'static str, &'static str); 2] = [
        ("upload_file", "Fichier"),
        ("upload_date", "Date du document"),
    ];

    let onsubmit = {
        let (input, dated, submit) = (input.clone(), dated.clone(), submit.clone());
        let (t, person, request, on_sent) = (
            props.document_type.clone(),
            props.person_id,
            props.request_id,
            props.on_sent.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let mut invalid = FieldErrors::default();
            let file = input
                .cast::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|files| files.get(0));
            match &file {
                None => invalid.push("file", "required"),
                Some(f) if f.size() == 0.0 => invalid.push("file", "empty_file"),
                Some(f) if f.size() > t.max_bytes as f64 => invalid.push("file", "file_too_large"),
                Some(_) => {}
            }
            let date: Option<NaiveDate> = match dated.parse() {
                Some(Ok(d)) if d > crate::dates::today() => {
                    invalid.push("document_date", "date_in_future");
                    None
                }
                Some(Ok(d)) => Some(d),
                Some(Err(code)) => {
                    invalid.push("document_date", code);
                    None
                }
                None => None,
            };
            let Some(file) = file.filter(|_| invalid.is_empty()) else {
                submit.invalid(invalid);
                return;
            };
            let fields = UploadFields {
                document_type: t.slug.clone(),
                person_id: person,
                request_id: request,
                document_date: date,
            };
            let (authed, on_sent) = (session.authed(), on_sent.clone());
            submit.send(
                async move { documents::upload(&authed, &fields, &file).await },
                move |document| on_sent.emit(document),
            );
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let on_date = {
        let dated = dated.clone();
        Callback::from(move |parts: DateParts| dated.set(parts))
    };
    let errors = submit.errors();
    let file_error = errors.get("upload_file");
    let (hint_id, error_id) = ("upload_file-hint", "upload_file-error");
    let accept = props
        .document_type
        .formats
        .iter()
        .map(|f| format!(".{},{}", f.extension(), f.mime()))
        .collect::<Vec<_>>()
        .join(",");
    html! {
        <form class="subform document-upload" onsubmit={onsubmit} novalidate=true
            aria-labelledby="upload-title">
            <h3 id="upload-title">{ format!("Déposer : {}", props.title) }</h3>
            <ErrorSummary id="upload-errors" items={errors.summary(&fields)} attempt={submit.attempt()} />
            <ProblemAlert problem={submit.problem()} />
            <div class={classes!("field", file_error.as_ref().map(|_| "field--error"))}>
                <label for={file_id}>{ "Fichier" }<span class="required" aria-hidden="true">{ " *" }</span></label>
                <p class="hint" id={hint_id}>{ accepted(&props.document_type) }</p>
                if let Some(error) = &file_error {
                    <p class="field-error" id={error_id}><span class="sr-only">{ "Erreur : " }</span>{ error.clone() }</p>
                }
                <input type="file" id={file_id} name="file" ref={input} accept={accept}
                    required=true aria-required="true"
                    aria-invalid={file_error.as_ref().map(|_| "true")}
                    aria-describedby={if file_error.is_some() { format!("{hint_id} {error_id}") } else { hint_id.to_string() }} />
            </div>
            if needs_date {
                <DateField prefix="upload" legend="Date du document" value={(*dated).clone()}
                    onchange={on_date} error={errors.get("upload_date")} />
                <p class="hint">{ format!("Validité : {}. Sans date, celle d'aujourd'hui est retenue.", props.document_type.validity.label()) }</p>
            }
            <div class="actions">
                <button type="submit" id="upload-submit" class="button" disabled={submit.sending()}>
                    { if submit.sending() { "Envoi en cours…" } else { "Envoyer le justificatif" } }
                </button>
                <button type="button" class="button button--secondary" onclick={cancel}>{ "Annuler" }</button>
            </div>
        </form>
    }
}
