//! One document in the agents' queue: what it is and for whom, "Aperçu" (the file shown
//! in the page, from a blob: URL), then "Valider" (optionally until a chosen day) or
//! "Refuser" with the reason the family reads.

use domain::document::{size_label, Document, DocumentStatus, FileKind, Validation};
use domain::request::AgentNote;
use web_sys::Url;
use yew::prelude::*;

use crate::api::documents;
use crate::components::date_field::{DateField, DateParts};
use crate::components::document_status::{of_document, RequirementBadge};
use crate::components::problem_alert::ProblemAlert;
use crate::components::textarea_field::TextareaField;
use crate::dates::local_date;
use crate::focus::focus_soon;
use crate::forms::FieldErrors;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub document: Document,
    pub on_reviewed: Callback<()>,
}

#[function_component(Review)]
pub fn review(props: &Props) -> Html {
    let session = use_session();
    let d = &props.document;
    let id = d.id;
    let preview = use_state(|| None::<String>);
    let until = use_state(DateParts::default);
    let reason = use_state(String::new);
    let looking = use_submit().refocusing(format!("#document-preview-{id}"));
    let deciding = use_submit();
    {
        // The object URL goes when the card does.
        let preview = preview.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(url) = &*preview {
                    let _ = Url::revoke_object_url(url);
                }
            }
        });
    }
    let look = {
        let (looking, preview, authed) = (looking.clone(), preview.clone(), session.authed());
        Callback::from(move |_: MouseEvent| {
            if preview.is_some() || !looking.begin() {
                return;
            }
            let (authed, preview) = (authed.clone(), preview.clone());
            looking.send(
                async move {
                    let file = documents::agent_file(&authed, id).await?;
                    Url::create_object_url_with_blob(&file.blob)
                        .map_err(|_| crate::api::client::local_problem("internal_error", 0))
                },
                move |url| preview.set(Some(url)),
            );
        })
    };
    let validate = {
        let (deciding, until, authed, done) = (
            deciding.clone(),
            until.clone(),
            session.authed(),
            props.on_reviewed.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if !deciding.begin() {
                return;
            }
            let valid_until = match until.parse() {
                Some(Ok(day)) => Some(day),
                Some(Err(code)) => {
                    let mut invalid = FieldErrors::default();
                    invalid.push(&format!("until-{id}_date"), code);
                    deciding.invalid(invalid);
                    return;
                }
                None => None,
            };
            let (authed, done) = (authed.clone(), done.clone());
            deciding.send(
                async move { documents::validate(&authed, id, &Validation { valid_until }).await },
                move |_| {
                    done.emit(());
                    focus_soon("#documents-status-filter");
                },
            );
        })
    };
    let refuse = {
        let (deciding, reason, authed, done) = (
            deciding.clone(),
            reason.clone(),
            session.authed(),
            props.on_reviewed.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if !deciding.begin() {
                return;
            }
            if reason.trim().is_empty() {
                let mut invalid = FieldErrors::default();
                invalid.push(&format!("reason-{id}"), "required");
                deciding.invalid(invalid);
                focus_soon(format!("#reason-{id}"));
                return;
            }
            let note = AgentNote {
                text: reason.trim().to_string(),
            };
            let (authed, done) = (authed.clone(), done.clone());
            deciding.send(
                async move { documents::refuse(&authed, id, &note).await },
                move |_| {
                    done.emit(());
                    focus_soon("#documents-status-filter");
                },
            );
        })
    };
    let on_until = {
        let until = until.clone();
        Callback::from(move |parts: DateParts| until.set(parts))
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |text: String| reason.set(text))
    };
    let errors = deciding.errors();
    let title = format!("{} de {}", d.type_name, d.concerned);
    let shown = (*preview).clone().map(|url| match d.file_kind {
        FileKind::Pdf => html! {
            <iframe class="document-preview" src={url} title={format!("Aperçu : {title}")}></iframe>
        },
        _ => html! { <img class="document-preview" src={url} alt={format!("Aperçu : {title}")} /> },
    });
    html! {
        <article class="card review" aria-labelledby={format!("document-title-{id}")}>
            <h2 id={format!("document-title-{id}")}>{ title.clone() }</h2>
            <p>
                <RequirementBadge status={of_document(d.status)} />
                { format!(" — déposé le {}, {} ({})", local_date(&d.uploaded_at), d.file_kind.label(), size_label(d.size_bytes)) }
            </p>
            if let Some(day) = d.document_date {
                <p>{ format!("Date du document : {}", day.format("%d/%m/%Y")) }</p>
            }
            if let Some(reason) = &d.refusal_reason {
                <p>{ format!("Motif du refus : {reason}") }</p>
            }
            <ProblemAlert problem={looking.problem()} />
            if let Some(shown) = shown {
                { shown }
            } else {
                <button type="button" id={format!("document-preview-{id}")} class="button button--secondary"
                    disabled={looking.sending()} onclick={look}>
                    { if looking.sending() { "Chargement…" } else { "Aperçu" } }
                    <span class="sr-only">{ format!(" : {title}") }</span>
                </button>
            }
            if d.status == DocumentStatus::Pending {
                <div class="review-decision">
                    <ProblemAlert problem={deciding.problem()} />
                    <DateField prefix={format!("until-{id}")} legend="Valide jusqu'au (facultatif)"
                        value={(*until).clone()} onchange={on_until}
                        error={errors.get(&format!("until-{id}_date"))} />
                    <p class="hint">{ "Sans date, la durée de validité prévue pour ce type de justificatif s'applique." }</p>
                    <div class="actions">
                        <button type="button" id={format!("document-validate-{id}")} class="button"
                            disabled={deciding.sending()} onclick={validate}>
                            { "Valider" }<span class="sr-only">{ format!(" : {title}") }</span>
                        </button>
                    </div>
                    <TextareaField id={format!("reason-{id}")} label="Motif du refus" value={(*reason).clone()}
                        oninput={on_reason} maxlength={Some(1000)} rows={3}
                        error={errors.get(&format!("reason-{id}"))}
                        hint="La famille reçoit ce motif et peut déposer un autre justificatif." />
                    <div class="actions">
                        <button type="button" id={format!("document-refuse-{id}")} class="button button--danger"
                            disabled={deciding.sending()} onclick={refuse}>
                            { "Refuser" }<span class="sr-only">{ format!(" : {title}") }</span>
                        </button>
                    </div>
                </div>
            }
        </article>
    }
}
