//! "Ma bibliothèque de justificatifs": every document the household sent, per person,
//! with its status and validity, latest first (a replaced one stays, as history); a
//! family may add one without waiting to be asked (a new attestation CAF).

use domain::document::{Document, DocumentConcern, DocumentType, RequestRef};
use domain::profile::{Member, MemberRole};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api::documents;
use crate::components::document_status::{of_document, RequirementBadge};
use crate::components::document_upload::DocumentUpload;
use crate::components::load_error::LoadError;
use crate::dates::local_date;
use crate::focus::focus_soon;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub members: Vec<Member>,
}

/// The people a type may concern: children, adults, or none (the household).
fn people_for(t: &DocumentType, members: &[Member]) -> Vec<Option<Member>> {
    match t.concern {
        DocumentConcern::Household => vec![None],
        DocumentConcern::Child => members
            .iter()
            .filter(|m| m.role == MemberRole::Child)
            .cloned()
            .map(Some)
            .collect(),
        DocumentConcern::Adult => members
            .iter()
            .filter(|m| m.role != MemberRole::Child)
            .cloned()
            .map(Some)
            .collect(),
    }
}

/// "Fiche enfant : 51, Inscription cantine : 53".
fn serves(requests: &[RequestRef]) -> String {
    requests
        .iter()
        .map(|r| format!("{} : {}", r.procedure_title, r.number))
        .collect::<Vec<_>>()
        .join(", ")
}

#[function_component(LibraryCard)]
pub fn library_card(props: &Props) -> Html {
    let session = use_session();
    let reload = use_state(|| 0u32);
    let adding = use_state(|| false);
    let chosen = use_state(String::new);
    let status = use_state(|| None::<String>);
    let authed = session.authed();
    let library = use_fetch(*reload, move |_| {
        let authed = authed.clone();
        async move { documents::library(&authed).await }
    });
    let authed = session.authed();
    let types = use_fetch((), move |()| {
        let authed = authed.clone();
        async move { documents::types(&authed).await }
    });
    let types: Vec<DocumentType> = types
        .as_ref()
        .and_then(|t| t.as_ref().ok())
        .cloned()
        .unwrap_or_default();
    // Every (type, person) a document can be added for: "Attestation CAF de DUPIN Pascal".
    let slots: Vec<(String, DocumentType, Option<Member>)> = types
        .iter()
        .flat_map(|t| {
            people_for(t, &props.members).into_iter().map(move |m| {
                let whom = m.as_ref().map_or_else(
                    || "du foyer".to_string(),
                    |m| format!("de {}", m.display_name()),
                );
                (format!("{} {whom}", t.name), t.clone(), m)
            })
        })
        .collect();
    let open = {
        let (adding, status) = (adding.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            adding.set(!*adding);
        })
    };
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            chosen.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_sent = {
        let (adding, chosen, status, reload) = (
            adding.clone(),
            chosen.clone(),
            status.clone(),
            reload.clone(),
        );
        Callback::from(move |d: Document| {
            adding.set(false);
            chosen.set(String::new());
            status.set(Some(format!(
                "« {} de {} » a bien été envoyé : il est en attente de validation.",
                d.type_name, d.concerned
            )));
            reload.set(*reload + 1);
            focus_soon("#library-add");
        })
    };
    let on_cancel = {
        let adding = adding.clone();
        Callback::from(move |()| {
            adding.set(false);
            focus_soon("#library-add");
        })
    };
    let slot = chosen
        .parse::<usize>()
        .ok()
        .and_then(|i| slots.get(i).cloned());
    let list = match &*library {
        None => html! { <p class="loading">{ "Chargement…" }</p> },
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p><i>{ "Aucun justificatif envoyé." }</i></p> }
        }
        Some(Ok(list)) => {
            let mut people: Vec<String> = Vec::new();
            for d in list.iter().map(|l| &l.document) {
                if !people.contains(&d.concerned) {
                    people.push(d.concerned.clone());
                }
            }
            html! {
                { for people.iter().map(|person| html! {
                    <div class="library-person">
                        <h3>{ person.clone() }</h3>
                        <ul class="plain-list library-list">
                            { for list.iter().filter(|l| &l.document.concerned == person).map(|l| { let d = &l.document; html! {
                                <li key={d.id.get()}>
                                    <strong>{ d.type_name.clone() }</strong>
                                    { " — " }<RequirementBadge status={of_document(d.status)} />
                                    <span class="hint">
                                        { format!(" Envoyé le {}", local_date(&d.uploaded_at)) }
                                        { d.valid_until.map(|u| format!(", valide jusqu'au {}", u.format("%d/%m/%Y"))).unwrap_or_default() }
                                        { d.refusal_reason.as_ref().map(|r| format!(" — motif : {r}")).unwrap_or_default() }
                                    </span>
                                    if !l.used_by.is_empty() {
                                        <span class="hint library-requests">{ format!(" Pour : {}", serves(&l.used_by)) }</span>
                                    }
                                </li>
                            }}) }
                        </ul>
                    </div>
                }) }
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="library-title">
            <h2 id="library-title">{ "Ma bibliothèque de justificatifs" }</h2>
            <div role="status" id="library-status" class={classes!(status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*status { <p>{ message.clone() }</p> }
            </div>
            { list }
            <button type="button" id="library-add" class="button button--secondary"
                aria-expanded={adding.to_string()} onclick={open}>{ "Ajouter un justificatif" }</button>
            if *adding {
                <div class="subform">
                    <div class="field">
                        <label for="library-slot">{ "Justificatif" }</label>
                        <select id="library-slot" onchange={on_choose}>
                            <option value="" selected={chosen.is_empty()}>{ "Choisir…" }</option>
                            { for slots.iter().enumerate().map(|(i, (label, _, _))| html! {
                                <option value={i.to_string()} selected={*chosen == i.to_string()}>{ label.clone() }</option>
                            }) }
                        </select>
                    </div>
                    if let Some((label, t, member)) = slot {
                        <DocumentUpload document_type={t} person_id={member.map(|m| m.person_id)}
                            title={label} {on_sent} {on_cancel} />
                    }
                </div>
            }
        </section>
    }
}
