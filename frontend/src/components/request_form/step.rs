//! One step of the form: "Étape 1 sur 2 : Votre événement", its fields (and, on the
//! first step of a form that names no child, the person concerned), "Précédent" and
//! "Suivant". A `child` field opens the "Ajouter un enfant" modal.

use domain::document::Document;
use domain::ids::{PersonId, RequestId};
use domain::profile::{Address, Member, SchoolEnrolment};
use domain::request::form::Answers;
use domain::request::{FieldKind, FormDefinition};
use serde_json::Value;
use yew::prelude::*;

use super::address_field::AddressField;
use super::answer_field::AnswerField;
use super::answers::input_id;
use super::documents_field::{DocumentsField, UploadDialog, Uploading};
use super::group_field::{item_field_name, item_title, GroupField};
use super::person_dialog::PersonDialog;
use super::person_field::PersonField;
use super::signature_field::SignatureField;
use crate::components::choice_group::id_part;
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::select_field::SelectField;
use crate::focus::focus_soon;
use crate::forms::FieldErrors;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub form: FormDefinition,
    pub index: usize,
    pub answers: Answers,
    /// Household members for "Personne concernée" (asked on the first step only) and for
    /// a `child` or `adult` field.
    pub members: Vec<Member>,
    /// The account holder's addresses, for an `address` field.
    pub addresses: Vec<Address>,
    /// The household's school enrolments (shown under a `child` field).
    pub schooling: Vec<SchoolEnrolment>,
    /// The account holder's partner, if the profile knows one.
    pub partner: Option<PersonId>,
    pub person: AttrValue,
    /// The saved draft (for a `documents` field), and how many times it was saved.
    pub request: Option<RequestId>,
    pub saved: u32,
    pub errors: FieldErrors,
    pub attempt: u32,
    pub on_answer: Callback<(String, Option<Value>)>,
    pub on_person: Callback<String>,
    pub on_previous: Callback<()>,
    pub on_next: Callback<()>,
}

#[function_component(StepView)]
pub fn step_view(props: &Props) -> Html {
    let step = &props.form.steps[props.index];
    let asks_person =
        props.index == 0 && !props.members.is_empty() && props.form.child_field().is_none();
    let summary = summary(props, asks_person);
    // The field whose "Ajouter" modal is open.
    let adding = use_state(|| None::<String>);
    // A `documents` field: the line whose upload dialog is open, the uploads sent, and
    // what the last one became.
    let uploading = use_state(|| None as Uploading);
    let uploads = use_state(|| 0u32);
    let upload_status = use_state(|| None::<AttrValue>);
    let on_upload = {
        let (uploading, upload_status) = (uploading.clone(), upload_status.clone());
        Callback::from(move |line| {
            upload_status.set(None);
            uploading.set(Some(line));
        })
    };
    let on_uploaded = {
        let (uploading, uploads, upload_status) =
            (uploading.clone(), uploads.clone(), upload_status.clone());
        Callback::from(move |(at, document): (usize, Document)| {
            upload_status.set(Some(AttrValue::from(format!(
                "Votre justificatif « {} de {} » a bien été envoyé : il est en attente de validation par la mairie.",
                document.type_name, document.concerned
            ))));
            uploading.set(None);
            uploads.set(*uploads + 1);
            focus_soon(format!("#fiche-document-{at}"));
        })
    };
    let on_upload_closed = {
        let uploading = uploading.clone();
        Callback::from(move |at: usize| {
            uploading.set(None);
            focus_soon(format!("#fiche-document-{at}"));
        })
    };
    let has_documents = step.fields.iter().any(|f| f.kind == FieldKind::Documents);
    let onsubmit = {
        let on_next = props.on_next.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_next.emit(());
        })
    };
    let previous = {
        let on_previous = props.on_previous.clone();
        Callback::from(move |_: MouseEvent| on_previous.emit(()))
    };
    let people: Vec<(AttrValue, AttrValue)> = props
        .members
        .iter()
        .map(|m| {
            (
                AttrValue::from(m.person_id.to_string()),
                AttrValue::from(m.display_name()),
            )
        })
        .collect();
    html! {
        <>
            <ErrorSummary id="request-errors" items={summary} attempt={props.attempt} />
            <form class="card request-step" {onsubmit} novalidate=true aria-labelledby="step-title">
                <h2 id="step-title" tabindex="-1">
                    { format!("Étape {} sur {} : {}", props.index + 1, props.form.steps.len(), step.title) }
                </h2>
                <p class="hint">{ "Les champs marqués d'un astérisque (*) sont obligatoires." }</p>
                if asks_person {
                    <SelectField id="person_id" label="Personne concernée" value={props.person.clone()}
                        options={people} onchange={props.on_person.clone()} placeholder="Aucune en particulier"
                        hint="La personne du foyer que la demande concerne, s'il y en a une."
                        error={props.errors.get("person_id")} />
                }
                { for step.fields.iter().filter(|f| props.form.shown(f, &props.answers)).map(|f| {
                    let onchange = {
                        let (cb, name) = (props.on_answer.clone(), f.name.clone());
                        Callback::from(move |v: Option<Value>| cb.emit((name.clone(), v)))
                    };
                    let (value, error) = (props.answers.get(&f.name).cloned(), child_errors(props, &f.name));
                    let required = props.form.required(f, &props.answers);
                    if f.kind == FieldKind::Group {
                        html! {
                            <GroupField key={f.name.clone()} field={f.clone()} {value} errors={props.errors.clone()}
                                {required} {onchange} />
                        }
                    } else if f.kind == FieldKind::Signature {
                        html! {
                            <SignatureField key={f.name.clone()} field={f.clone()} {value} errors={props.errors.clone()}
                                {required} {onchange} />
                        }
                    } else if matches!(f.kind, FieldKind::Child | FieldKind::Adult) {
                        let (adding, name) = (adding.clone(), f.name.clone());
                        html! {
                            <PersonField key={f.name.clone()} field={f.clone()} {value} {error} {required}
                                members={props.members.clone()} schooling={props.schooling.clone()} partner={props.partner} {onchange}
                                on_add={Callback::from(move |()| adding.set(Some(name.clone())))} />
                        }
                    } else if f.kind == FieldKind::Documents {
                        html! {
                            <DocumentsField key={f.name.clone()} field={f.clone()} request={props.request}
                                version={props.saved + *uploads} status={(*upload_status).clone()}
                                on_upload={on_upload.clone()} />
                        }
                    } else if f.kind == FieldKind::Address {
                        html! {
                            <AddressField key={f.name.clone()} field={f.clone()} {value} {error} {required}
                                addresses={props.addresses.clone()} errors={props.errors.clone()} {onchange} />
                        }
                    } else {
                        html! {
                            <AnswerField key={f.name.clone()} field={f.clone()} {value} {error} {required} {onchange} />
                        }
                    }
                }) }
                <div class="actions">
                    if props.index > 0 {
                        <button type="button" id="step-previous" class="button button--secondary" onclick={previous}>
                            <span aria-hidden="true">{ "‹ " }</span>{ "Précédent" }
                        </button>
                    }
                    <button type="submit" id="step-next" class="button">
                        { "Suivant" }<span aria-hidden="true">{ " ›" }</span>
                    </button>
                </div>
            </form>
            if has_documents {
                <UploadDialog uploading={(*uploading).clone()} on_sent={on_uploaded} on_close={on_upload_closed} />
            }
            { for step.fields.iter().filter(|f| f.kind == FieldKind::Child || f.allow_add).map(|f| {
                let p = super::person_dialog::prefix(f);
                let on_add = {
                    let (cb, name, adding) = (props.on_answer.clone(), f.name.clone(), adding.clone());
                    Callback::from(move |person: Value| {
                        adding.set(None);
                        cb.emit((name.clone(), Some(person)));
                        focus_soon(format!("#{}", input_id(&name)));
                    })
                };
                let on_close = {
                    let adding = adding.clone();
                    Callback::from(move |()| {
                        adding.set(None);
                        focus_soon(format!("#{p}-add"));
                    })
                };
                let value = props.answers.get(&f.name).filter(|v| v.is_object()).cloned();
                let open = adding.as_deref() == Some(f.name.as_str());
                html! {
                    <PersonDialog key={f.name.clone()} field={f.clone()} {open} {value} {on_add} {on_close} />
                }
            }) }
        </>
    }
}

/// The message under a field; for a child, also the mistakes in the child to add.
fn child_errors(props: &Props, name: &str) -> Option<AttrValue> {
    let id = input_id(name);
    let kind = props.form.field(name).map(|f| f.kind);
    let is_child = matches!(kind, Some(FieldKind::Child | FieldKind::Adult));
    props.errors.get(&id).or_else(|| {
        if !is_child {
            return None;
        }
        let nested = format!("answers.{name}.");
        props
            .errors
            .fields()
            .any(|f| f.starts_with(&nested))
            .then_some(AttrValue::Static(
                "Les informations de la personne à ajouter sont incomplètes : modifiez-les.",
            ))
    })
}

/// The step's errors in the order of its fields, each a link to its input.
fn summary(props: &Props, asks_person: bool) -> Vec<SummaryItem> {
    let mut items = Vec::new();
    if asks_person {
        if let Some(message) = props.errors.get("person_id") {
            items.push(SummaryItem {
                id: AttrValue::Static("person_id"),
                label: AttrValue::Static("Personne concernée"),
                message,
            });
        }
    }
    for f in &props.form.steps[props.index].fields {
        let id = input_id(&f.name);
        items.extend(part_errors(props, f));
        if let Some(message) = child_errors(props, &f.name) {
            // Radio buttons and checkboxes: lead to the first box.
            let target = match f.choices.first() {
                Some(c) if matches!(f.kind, FieldKind::Radio | FieldKind::Checkboxes) => {
                    format!("{id}_{}", id_part(&c.value))
                }
                // A date: lead to its day.
                _ if f.kind == FieldKind::Date => format!("{id}_day"),
                _ if f.kind == FieldKind::YesNo => format!("{id}_true"),
                _ => id,
            };
            items.push(SummaryItem {
                id: AttrValue::from(target),
                label: AttrValue::from(f.label.clone()),
                message,
            });
        }
    }
    items
}

/// The errors in the parts of a group's items or of a signature, each a link to its input.
fn part_errors(props: &Props, f: &domain::request::FieldDefinition) -> Vec<SummaryItem> {
    let mut parts = Vec::new();
    match f.kind {
        FieldKind::Group => {
            let count = props
                .answers
                .get(&f.name)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            for i in 0..count {
                for sub in &f.fields {
                    let id = input_id(&item_field_name(&f.name, i, &sub.name));
                    if let Some(message) = props.errors.get(&id) {
                        parts.push((id, format!("{} : {}", item_title(f, i), sub.label), message));
                    }
                }
            }
        }
        FieldKind::Signature => {
            for (part, label) in [
                ("certified", f.label.as_str()),
                ("name", "Nom et prénom du signataire"),
            ] {
                let id = format!("{}_{part}", input_id(&f.name));
                if let Some(message) = props.errors.get(&id) {
                    parts.push((id, label.to_string(), message));
                }
            }
        }
        _ => {}
    }
    parts
        .into_iter()
        .map(|(id, label, message)| SummaryItem {
            id: AttrValue::from(id),
            label: AttrValue::from(label),
            message,
        })
        .collect()
}
