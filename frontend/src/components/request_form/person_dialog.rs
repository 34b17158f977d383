//! "Ajouter un enfant" (or, for an adult, "Ajouter une personne"): the manuals' modal
//! (sexe, nom de naissance, prénoms, date, pays, commune et département de naissance),
//! checked with the domain's rules before the person becomes the fiche's answer. Its
//! inputs are `child_*` for a child, `person_*` for an adult. A native modal `<dialog>`: the focus stays in it, Échap
//! closes it, and its own form never sends the step's.

use domain::problem::FieldError;
use domain::request::form::Answers;
use domain::request::{FieldDefinition, FieldKind, FormDefinition, FormStep};
use serde_json::{json, Value};
use yew::prelude::*;

use super::modal_form::{use_modal_form, ModalSetup};
use crate::components::choice_group::ChoiceGroup;
use crate::components::date_field::{DateField, DateParts};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::field::TextField;
use crate::forms::FieldErrors;

/// The texts of the modal, by the key of the answer: `(key, label, required)`.
const TEXTS: [(&str, &str, bool); 6] = [
    ("birth_name", "Nom de naissance", true),
    ("first_name", "Prénom", true),
    ("second_first_name", "2ème prénom", false),
    ("third_first_name", "3ème prénom", false),
    ("birth_country", "Pays de naissance", true),
    ("birth_city", "Commune de naissance", true),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The fiche's `child` or `adult` field.
    pub field: FieldDefinition,
    pub open: bool,
    /// The new child being changed, when there is one.
    pub value: Option<Value>,
    pub on_add: Callback<Value>,
    pub on_close: Callback<()>,
}

/// The prefix of the modal's ids: `child` for a child, `person` for an adult.
pub fn prefix(field: &FieldDefinition) -> &'static str {
    if field.kind == FieldKind::Child {
        "child"
    } else {
        "person"
    }
}

#[function_component(PersonDialog)]
pub fn person_dialog(props: &Props) -> Html {
    let p = prefix(&props.field);
    let is_child = p == "child";
    let modal = use_modal_form(ModalSetup {
        open: props.open,
        value: props.value.clone(),
        defaults: json!({"birth_country": "France"}),
        check: {
            let field = props.field.clone();
            Callback::from(move |person: Value| problems(&field, &person))
        },
        focus: format!("{p}_sex_male"),
        on_add: props.on_add.clone(),
        on_close: props.on_close.clone(),
    });
    let draft = modal.draft.clone();
    let errors = &modal.errors;
    let set = |key: &'static str| modal.set(key);
    let text = |key: &str| modal.text(key);
    let (male, female) = if is_child {
        ("Garçon", "Fille")
    } else {
        ("Homme", "Femme")
    };
    let sexes = vec![
        (AttrValue::Static("male"), AttrValue::Static(male)),
        (AttrValue::Static("female"), AttrValue::Static(female)),
    ];
    let title = if is_child {
        "Ajouter un enfant"
    } else {
        "Ajouter une personne"
    };
    let id = |key: &str| format!("{p}_{key}");
    let on_sex = {
        let draft = draft.clone();
        Callback::from(move |values: Vec<String>| {
            let mut next = (*draft).clone();
            match values.first() {
                Some(v) => next.insert("sex".into(), Value::String(v.clone())),
                None => next.remove("sex"),
            };
            draft.set(next);
        })
    };
    let on_date = {
        let draft = draft.clone();
        Callback::from(move |parts: DateParts| {
            let mut next = (*draft).clone();
            match parts.to_text() {
                Some(t) => next.insert("birth_date".into(), Value::String(t)),
                None => next.remove("birth_date"),
            };
            draft.set(next);
        })
    };
    let date = DateParts::from_text(&super::answers::text(draft.get("birth_date")));
    let selected: Vec<String> = super::answers::chosen(draft.get("sex"));
    html! {
        <dialog ref={modal.node.clone()} id={format!("{p}-dialog")} class="dialog"
            aria-labelledby={format!("{p}-dialog-title")} onclose={modal.onclose.clone()}>
            <form class="dialog__body" onsubmit={modal.onsubmit.clone()} novalidate=true>
                <div class="dialog__header">
                    <h2 id={format!("{p}-dialog-title")}>{ title }</h2>
                    <button type="button" class="dialog__close" onclick={modal.close.clone()} aria-label="Fermer">
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                </div>
                <ErrorSummary id={format!("{p}-errors")} items={summary(p, errors)} attempt={modal.attempt} />
                <p class="hint">{ if is_child { "L'enfant rejoindra votre foyer quand la mairie aura traité la fiche." } else { "La personne rejoindra votre foyer quand la mairie aura traité la fiche." } }</p>
                <ChoiceGroup id={id("sex")} legend="Sexe" options={sexes} {selected} onchange={on_sex}
                    required=true error={errors.get(&id("sex"))} />
                { for TEXTS.iter().take(4).map(|(key, label, required)| html! {
                    <TextField id={id(key)} label={*label} value={text(key)} oninput={set(key)}
                        required={*required} error={errors.get(&id(key))} autocomplete="off" />
                }) }
                <DateField prefix={id("birth")} legend="Date de naissance" value={date} onchange={on_date}
                    required=true error={errors.get(&id("birth_date"))} />
                { for TEXTS.iter().skip(4).map(|(key, label, required)| html! {
                    <TextField id={id(key)} label={*label} value={text(key)} oninput={set(key)}
                        required={*required} error={errors.get(&id(key))} autocomplete="off" />
                }) }
                <TextField id={id("birth_department")} label="Numéro du département de naissance"
                    value={text("birth_department")} oninput={set("birth_department")}
                    hint="Obligatoire pour une personne née en France : 59, 2A, 974…"
                    error={errors.get(&id("birth_department"))} autocomplete="off" />
                <div class="actions">
                    <button type="button" id={format!("{p}-dialog-close")} class="button button--secondary" onclick={modal.close.clone()}>
                        { "Fermer" }
                    </button>
                    <button type="submit" id={format!("{p}-dialog-add")} class="button">{ "Ajouter cette personne" }</button>
                </div>
            </form>
        </dialog>
    }
}

/// The domain's check of one answer alone (a person, an address being added), each
/// mistake with the part it is about (`first_name`).
pub(super) fn check_alone(field: &FieldDefinition, value: &Value) -> Vec<(String, FieldError)> {
    // Asked alone: whatever else the form says, this answer is the one given.
    let alone = FieldDefinition {
        shown_when: None,
        required_when: None,
        ..field.clone()
    };
    let form = FormDefinition {
        steps: vec![FormStep {
            title: String::new(),
            fields: vec![alone],
            family: false,
        }],
        confirmation: None,
    };
    let answers: Answers = [(field.name.clone(), value.clone())].into_iter().collect();
    let prefix = format!("answers.{}.", field.name);
    form.check(&answers, true, crate::dates::today())
        .into_iter()
        .filter_map(|e| Some((e.field.strip_prefix(&prefix)?.to_string(), e)))
        .collect()
}

/// The check of the person alone, keyed by the modal's inputs (`child_first_name`).
fn problems(field: &FieldDefinition, person: &Value) -> FieldErrors {
    let errors = check_alone(field, person)
        .into_iter()
        .map(|(key, mut e)| {
            e.field = format!("{}_{key}", prefix(field));
            e
        })
        .collect();
    FieldErrors::new(errors)
}

/// The modal's errors in the order of its inputs.
fn summary(p: &str, errors: &FieldErrors) -> Vec<SummaryItem> {
    let id = |key: &str| format!("{p}_{key}");
    let mut inputs: Vec<(String, String, &str)> = vec![(id("sex"), id("sex_male"), "Sexe")];
    for (key, label, _) in TEXTS.iter().take(4) {
        inputs.push((id(key), id(key), label));
    }
    inputs.push((id("birth_date"), id("birth_day"), "Date de naissance"));
    for (key, label, _) in TEXTS.iter().skip(4) {
        inputs.push((id(key), id(key), label));
    }
    inputs.push((
        id("birth_department"),
        id("birth_department"),
        "Numéro du département de naissance",
    ));
    inputs
        .into_iter()
        .filter_map(|(key, target, label)| {
            errors.get(&key).map(|message| SummaryItem {
                id: AttrValue::from(target),
                label: AttrValue::from(label.to_string()),
                message,
            })
        })
        .collect()
}
