//! "Ajouter un enfant": the manuals' modal (sexe, nom de naissance, prénoms, date, pays,
//! commune et département de naissance), checked with the domain's rules before the child
//! becomes the fiche's answer. A native modal `<dialog>`: the focus stays in it, Échap
//! closes it, and its own form never sends the step's.

use domain::problem::FieldError;
use domain::request::form::Answers;
use domain::request::{FieldDefinition, FormDefinition, FormStep};
use serde_json::{json, Map, Value};
use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::components::choice_group::ChoiceGroup;
use crate::components::date_field::{DateField, DateParts};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::field::TextField;
use crate::focus::focus_soon;
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
    /// The fiche's `child` field.
    pub field: FieldDefinition,
    pub open: bool,
    /// The new child being changed, when there is one.
    pub value: Option<Value>,
    pub on_add: Callback<Value>,
    pub on_close: Callback<()>,
}

#[function_component(ChildDialog)]
pub fn child_dialog(props: &Props) -> Html {
    let node = use_node_ref();
    let draft = use_state(|| start(props.value.as_ref()));
    let errors = use_state(FieldErrors::default);
    let attempt = use_state(|| 0u32);
    {
        let (node, draft, errors, value) = (
            node.clone(),
            draft.clone(),
            errors.clone(),
            props.value.clone(),
        );
        use_effect_with(props.open, move |open| {
            if let Some(dialog) = node.cast::<HtmlDialogElement>() {
                if *open && !dialog.open() {
                    draft.set(start(value.as_ref()));
                    errors.set(FieldErrors::default());
                    let _ = dialog.show_modal();
                    focus_soon("#child_sex_male");
                } else if !*open && dialog.open() {
                    dialog.close();
                }
            }
        });
    }
    let set = |key: &'static str| {
        let draft = draft.clone();
        Callback::from(move |text: String| {
            let mut next = (*draft).clone();
            next.insert(key.to_string(), Value::String(text));
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, errors, attempt, field, on_add) = (
            draft.clone(),
            errors.clone(),
            attempt.clone(),
            props.field.clone(),
            props.on_add.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let child = cleaned(&draft);
            let found = problems(&field, &child);
            if found.is_empty() {
                errors.set(FieldErrors::default());
                on_add.emit(child);
            } else {
                errors.set(found);
                attempt.set(*attempt + 1);
            }
        })
    };
    // Échap, or "Fermer": the fiche keeps what it had. The dialog also fires `close` when
    // we close it after an addition; that one is not the person's, and must not move the
    // focus back to the button.
    let onclose = {
        let (on_close, open) = (props.on_close.clone(), props.open);
        Callback::from(move |_: Event| {
            if open {
                on_close.emit(())
            }
        })
    };
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let text = |key: &str| AttrValue::from(super::answers::text(draft.get(key)));
    let sexes = vec![
        (AttrValue::Static("male"), AttrValue::Static("Garçon")),
        (AttrValue::Static("female"), AttrValue::Static("Fille")),
    ];
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
        <dialog ref={node} id="child-dialog" class="dialog" aria-labelledby="child-dialog-title" {onclose}>
            <form class="dialog__body" {onsubmit} novalidate=true>
                <div class="dialog__header">
                    <h2 id="child-dialog-title">{ "Ajouter un enfant" }</h2>
                    <button type="button" class="dialog__close" onclick={close.clone()} aria-label="Fermer">
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                </div>
                <ErrorSummary id="child-errors" items={summary(&errors)} attempt={*attempt} />
                <p class="hint">{ "L'enfant rejoindra votre foyer quand la mairie aura traité la fiche." }</p>
                <ChoiceGroup id="child_sex" legend="Sexe" options={sexes} {selected} onchange={on_sex}
                    required=true error={errors.get("child_sex")} />
                { for TEXTS.iter().take(4).map(|(key, label, required)| html! {
                    <TextField id={format!("child_{key}")} label={*label} value={text(key)} oninput={set(key)}
                        required={*required} error={errors.get(&format!("child_{key}"))} autocomplete="off" />
                }) }
                <DateField prefix="child_birth" legend="Date de naissance" value={date} onchange={on_date}
                    required=true error={errors.get("child_birth_date")} />
                { for TEXTS.iter().skip(4).map(|(key, label, required)| html! {
                    <TextField id={format!("child_{key}")} label={*label} value={text(key)} oninput={set(key)}
                        required={*required} error={errors.get(&format!("child_{key}"))} autocomplete="off" />
                }) }
                <TextField id="child_birth_department" label="Numéro du département de naissance"
                    value={text("birth_department")} oninput={set("birth_department")}
                    hint="Obligatoire pour un enfant né en France : 59, 2A, 974…"
                    error={errors.get("child_birth_department")} autocomplete="off" />
                <div class="actions">
                    <button type="button" id="child-dialog-close" class="button button--secondary" onclick={close}>
                        { "Fermer" }
                    </button>
                    <button type="submit" id="child-dialog-add" class="button">{ "Ajouter cette personne" }</button>
                </div>
            </form>
        </dialog>
    }
}

/// What the modal starts from: the child being changed, or France as the country.
fn start(value: Option<&Value>) -> Map<String, Value> {
    match value {
        Some(Value::Object(child)) => child.clone(),
        _ => json!({"birth_country": "France"})
            .as_object()
            .cloned()
            .unwrap_or_default(),
    }
}

/// The typed answers, blanks left out.
fn cleaned(draft: &Map<String, Value>) -> Value {
    let kept: Map<String, Value> = draft
        .iter()
        .filter(|(_, v)| v.as_str().is_none_or(|s| !s.trim().is_empty()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Value::Object(kept)
}

/// The domain's check of the child alone, keyed by the modal's inputs (`child_first_name`).
fn problems(field: &FieldDefinition, child: &Value) -> FieldErrors {
    let form = FormDefinition {
        steps: vec![FormStep {
            title: String::new(),
            fields: vec![field.clone()],
        }],
    };
    let answers: Answers = [(field.name.clone(), child.clone())].into_iter().collect();
    let prefix = format!("answers.{}.", field.name);
    let errors: Vec<FieldError> = form
        .check(&answers, true, crate::dates::today())
        .into_iter()
        .filter_map(|mut e| {
            let key = e.field.strip_prefix(&prefix)?.to_string();
            e.field = format!("child_{key}");
            Some(e)
        })
        .collect();
    FieldErrors::new(errors)
}

/// The modal's errors in the order of its inputs.
fn summary(errors: &FieldErrors) -> Vec<SummaryItem> {
    let mut inputs: Vec<(String, String, &str)> =
        vec![("child_sex".into(), "child_sex_male".into(), "Sexe")];
    for (key, label, _) in TEXTS.iter().take(4) {
        inputs.push((format!("child_{key}"), format!("child_{key}"), label));
    }
    inputs.push((
        "child_birth_date".into(),
        "child_birth_day".into(),
        "Date de naissance",
    ));
    for (key, label, _) in TEXTS.iter().skip(4) {
        inputs.push((format!("child_{key}"), format!("child_{key}"), label));
    }
    inputs.push((
        "child_birth_department".into(),
        "child_birth_department".into(),
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
