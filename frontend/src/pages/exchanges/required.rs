//! "Mes justificatifs à fournir": Statut, Donnée concernée, Téléprocédure(s)
//! concernée(s), Action (Déposer / Remplacer / Voir). One upload form opens under its
//! line; once sent, the list is read again and says the document waits for an agent.

use domain::document::{Document, DocumentType, RequiredDocument, RequirementStatus};
use yew::prelude::*;

use crate::api::documents;
use crate::components::document_status::RequirementBadge;
use crate::components::document_upload::DocumentUpload;
use crate::components::load_error::{loading, LoadError};
use crate::components::problem_alert::ProblemAlert;
use crate::components::route_link::RouteLink;
use crate::focus::focus_soon;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;
use crate::route::Route;

/// Which line's form is open, by position.
type Open = Option<usize>;

#[function_component(RequiredDocuments)]
pub fn required_documents() -> Html {
    let session = use_session();
    let reload = use_state(|| 0u32);
    let open = use_state(|| None as Open);
    let status = use_state(|| None::<String>);
    let viewing = use_submit();
    let authed = session.authed();
    let lines = use_fetch(*reload, move |_| {
        let authed = authed.clone();
        async move { documents::required(&authed).await }
    });
    let authed = session.authed();
    let types = use_fetch((), move |()| {
        let authed = authed.clone();
        async move { documents::types(&authed).await }
    });
    let type_of = |slug: &str| -> Option<DocumentType> {
        types
            .as_ref()
            .and_then(|t| t.as_ref().ok())
            .and_then(|t| t.iter().find(|t| t.slug == slug).cloned())
    };

    let toggle = |at: usize| {
        let (open, status) = (open.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            open.set(if *open == Some(at) { None } else { Some(at) });
        })
    };
    let on_sent = |at: usize| {
        let (open, status, reload) = (open.clone(), status.clone(), reload.clone());
        Callback::from(move |document: Document| {
            open.set(None);
            status.set(Some(format!(
                "Votre justificatif « {} de {} » a bien été envoyé : il est en attente de validation par la mairie.",
                document.type_name, document.concerned
            )));
            reload.set(*reload + 1);
            focus_soon(format!("#document-action-{at}"));
        })
    };
    let on_cancel = |at: usize| {
        let open = open.clone();
        Callback::from(move |()| {
            open.set(None);
            focus_soon(format!("#document-action-{at}"));
        })
    };
    let view = |document: &Document| {
        let (viewing, authed, id) = (viewing.clone(), session.authed(), document.id);
        Callback::from(move |_: MouseEvent| {
            if !viewing.begin() {
                return;
            }
            let authed = authed.clone();
            viewing.send(
                async move {
                    let file = documents::file(&authed, id).await?;
                    let name = file.name.unwrap_or_else(|| format!("justificatif-{id}"));
                    crate::download::save(&file.blob, &name)
                        .map_err(|_| crate::api::client::local_problem("internal_error", 0))
                },
                |()| {},
            );
        })
    };

    let row = |at: usize, line: &RequiredDocument| {
        let what = format!("{} de {}", line.type_name, line.concerned);
        let needs = line.status.needs_upload();
        let action_label = if needs { "Déposer" } else { "Remplacer" };
        let form = (*open == Some(at))
            .then(|| type_of(&line.document_type))
            .flatten();
        html! {
            <>
                <tr id={format!("document-line-{at}")}>
                    <td data-label="Statut">
                        <RequirementBadge status={line.status} />
                        if let Some(reason) = line.document.as_ref().and_then(|d| d.refusal_reason.clone()).filter(|_| line.status == RequirementStatus::Invalid) {
                            <p class="hint">{ format!("Motif : {reason}") }</p>
                        }
                        if let Some(until) = line.document.as_ref().and_then(|d| d.valid_until).filter(|_| line.status == RequirementStatus::Valid) {
                            <p class="hint">{ format!("Valide jusqu'au {}", until.format("%d/%m/%Y")) }</p>
                        }
                    </td>
                    <th scope="row" data-label="Donnée concernée">{ what.clone() }</th>
                    <td data-label="Téléprocédure(s) concernée(s)">
                        <ul class="plain-list">
                            { for line.requests.iter().map(|r| html! {
                                <li key={r.id.get()}>
                                    <RouteLink id={format!("document-{at}-request-{}", r.number)} to={Route::MyRequest { id: r.id }}>
                                        { format!("{} : {}", r.procedure_title, r.number) }
                                    </RouteLink>
                                </li>
                            }) }
                        </ul>
                    </td>
                    <td data-label="Action" class="row-actions">
                        <ul class="inline-actions">
                            <li>
                                <button type="button" id={format!("document-action-{at}")} class="button--link"
                                    aria-expanded={(*open == Some(at)).to_string()}
                                    aria-controls="upload-title" onclick={toggle(at)}>
                                    { action_label }<span class="sr-only">{ format!(" : {what}") }</span>
                                </button>
                            </li>
                            if let Some(document) = &line.document {
                                <li>
                                    <button type="button" id={format!("document-view-{at}")} class="button--link"
                                        disabled={viewing.sending()} onclick={view(document)}>
                                        { "Voir" }<span class="sr-only">{ format!(" le justificatif envoyé : {what}") }</span>
                                    </button>
                                </li>
                            }
                        </ul>
                    </td>
                </tr>
                if let Some(t) = form {
                    <tr class="upload-row">
                        <td colspan="4">
                            <DocumentUpload document_type={t} person_id={line.person_id} request_id={line.request_id} title={what.clone()}
                                on_sent={on_sent(at)} on_cancel={on_cancel(at)} />
                        </td>
                    </tr>
                }
            </>
        }
    };

    let body = match &*lines {
        None => loading("Chargement des justificatifs…"),
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(lines)) if lines.is_empty() => html! {
            <p>{ "Aucun justificatif n'est demandé pour vos demandes en cours." }</p>
        },
        Some(Ok(lines)) => html! {
            <table class="table stacked-table documents-table" id="documents-table">
                <caption class="sr-only">{ "Mes justificatifs à fournir" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Statut" }</th>
                        <th scope="col">{ "Donnée concernée" }</th>
                        <th scope="col">{ "Téléprocédure(s) concernée(s)" }</th>
                        <th scope="col">{ "Action" }</th>
                    </tr>
                </thead>
                <tbody>{ for lines.iter().enumerate().map(|(at, line)| row(at, line)) }</tbody>
            </table>
        },
    };
    html! {
        <section class="card" aria-labelledby="documents-title" aria-busy={lines.is_none().to_string()}>
            <h2 id="documents-title">{ "Mes justificatifs à fournir" }</h2>
            <p class="hint">{ "Une demande peut être enregistrée même si tous les justificatifs ne sont pas fournis : vous pouvez les déposer ici quand vous les avez. Une pièce validée par la mairie vous servira pour toutes vos demandes jusqu'à son expiration." }</p>
            <div role="status" id="documents-status" tabindex="-1"
                class={classes!(status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*status { <p>{ message.clone() }</p> }
            </div>
            <ProblemAlert problem={viewing.problem()} />
            { body }
        </section>
    }
}
