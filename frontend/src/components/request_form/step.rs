//! One step of the form: "Étape 1 sur 2 : Votre événement", its fields (and, on the
//! first step, the person concerned), "Précédent" and "Suivant".

use domain::profile::Member;
use domain::request::form::Answers;
use domain::request::{FieldKind, FormStep};
use serde_json::Value;
use yew::prelude::*;

use super::answer_field::AnswerField;
use super::answers::input_id;
use crate::components::choice_group::id_part;
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::select_field::SelectField;
use crate::forms::FieldErrors;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub step: FormStep,
    pub index: usize,
    pub count: usize,
    pub answers: Answers,
    /// Household members for "Personne concernée"; asked on the first step only.
    pub members: Vec<Member>,
    pub person: AttrValue,
    pub errors: FieldErrors,
    pub attempt: u32,
    pub on_answer: Callback<(String, Option<Value>)>,
    pub on_person: Callback<String>,
    pub on_previous: Callback<()>,
    pub on_next: Callback<()>,
}

#[function_component(StepView)]
pub fn step_view(props: &Props) -> Html {
    let asks_person = props.index == 0 && !props.members.is_empty();
    let summary = summary(props, asks_person);
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
                    { format!("Étape {} sur {} : {}", props.index + 1, props.count, props.step.title) }
                </h2>
                <p class="hint">{ "Les champs marqués d'un astérisque (*) sont obligatoires." }</p>
                if asks_person {
                    <SelectField id="person_id" label="Personne concernée" value={props.person.clone()}
                        options={people} onchange={props.on_person.clone()} placeholder="Aucune en particulier"
                        hint="La personne du foyer que la demande concerne, s'il y en a une."
                        error={props.errors.get("person_id")} />
                }
                { for props.step.fields.iter().filter(|f| f.shown_when.as_ref().is_none_or(|c| c.holds(&props.answers))).map(|f| {
                    let onchange = {
                        let (cb, name) = (props.on_answer.clone(), f.name.clone());
                        Callback::from(move |v: Option<Value>| cb.emit((name.clone(), v)))
                    };
                    html! {
                        <AnswerField key={f.name.clone()} field={f.clone()} value={props.answers.get(&f.name).cloned()}
                            error={props.errors.get(&input_id(&f.name))} {onchange} />
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
        </>
    }
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
    for f in &props.step.fields {
        let id = input_id(&f.name);
        if let Some(message) = props.errors.get(&id) {
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
