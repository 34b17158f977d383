//! "Corriger une réponse": on a request the agent took, one answer is corrected with a
//! reason before deciding (the history keeps both and the reason). The new answer is drawn
//! and checked as the family's was; the server's mistakes land under the inputs.

use domain::request::{AnswerCorrection, FieldKind, RequestDetail, RequestStatus};
use serde_json::Value;
use yew::prelude::*;

use crate::api::agent;
use crate::components::problem_alert::ProblemAlert;
use crate::components::request_form::answer_field::AnswerField;
use crate::components::select_field::SelectField;
use crate::components::textarea_field::TextareaField;
use crate::focus::focus_soon;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

/// The kinds an agent corrects here: answers typed or chosen, not people, addresses,
/// lists of persons or signatures.
fn correctable(kind: FieldKind) -> bool {
    kind.answered()
        && !matches!(
            kind,
            FieldKind::Child
                | FieldKind::Adult
                | FieldKind::Address
                | FieldKind::Group
                | FieldKind::Signature
        )
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub detail: RequestDetail,
    pub on_change: Callback<RequestDetail>,
}

#[function_component(AnswerCorrectionForm)]
pub fn answer_correction_form(props: &Props) -> Html {
    let session = use_session();
    let field_name = use_state(String::new);
    let value = use_state(|| None::<Value>);
    let reason = use_state(String::new);
    let done = use_state(|| false);
    let submit = use_submit().refocusing("#correction-submit");
    let d = &props.detail;
    if d.request.status != RequestStatus::InProgress {
        return Html::default();
    }
    let fields: Vec<_> = d
        .form
        .fields()
        .filter(|f| correctable(f.kind) && d.form.shown(f, &d.answers))
        .cloned()
        .collect();
    let options: Vec<(AttrValue, AttrValue)> = fields
        .iter()
        .map(|f| {
            (
                AttrValue::from(f.name.clone()),
                AttrValue::from(f.label.clone()),
            )
        })
        .collect();
    let on_field = {
        let (field_name, value, answers, done) = (
            field_name.clone(),
            value.clone(),
            d.answers.clone(),
            done.clone(),
        );
        Callback::from(move |name: String| {
            value.set(answers.get(&name).cloned());
            field_name.set(name);
            done.set(false);
        })
    };
    let chosen = fields.iter().find(|f| f.name == *field_name).cloned();
    let onsubmit = {
        let (field_name, value, reason, submit, done) = (
            field_name.clone(),
            value.clone(),
            reason.clone(),
            submit.clone(),
            done.clone(),
        );
        let (authed, id, on_change) = (session.authed(), d.request.id, props.on_change.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let correction = AnswerCorrection {
                field: (*field_name).clone(),
                value: (*value).clone().unwrap_or(Value::Null),
                reason: (*reason).clone(),
            };
            let (authed, on_change, reason, done) = (
                authed.clone(),
                on_change.clone(),
                reason.clone(),
                done.clone(),
            );
            submit.send(
                async move { agent::correct(&authed, id, &correction).await },
                move |detail| {
                    reason.set(String::new());
                    done.set(true);
                    on_change.emit(detail);
                    focus_soon("#correction-status");
                },
            );
        })
    };
    let errors = submit.errors();
    let answer_error = chosen
        .as_ref()
        .and_then(|f| errors.get(&format!("answer_{}", f.name)));
    html! {
        <section class="card no-print" aria-labelledby="correction-title">
            <h2 id="correction-title">{ "Corriger une réponse" }</h2>
            <p class="hint">{ "Avant de décider, corrigez une réponse de la famille : l'historique garde l'ancienne réponse, la nouvelle et le motif." }</p>
            <form {onsubmit} novalidate=true>
                <SelectField id="correction-field" label="Réponse à corriger" value={AttrValue::from((*field_name).clone())}
                    {options} onchange={on_field} required=true placeholder="Choisissez une réponse"
                    error={errors.get("field")} />
                if let Some(f) = chosen {
                    <AnswerField key={f.name.clone()} field={f.clone()} value={(*value).clone()} error={answer_error}
                        required={d.form.required(&f, &d.answers)}
                        onchange={{ let value = value.clone(); Callback::from(move |v| value.set(v)) }} />
                }
                <TextareaField id="correction-reason" label="Motif de la correction" value={AttrValue::from((*reason).clone())}
                    oninput={{ let reason = reason.clone(); Callback::from(move |v| reason.set(v)) }}
                    required=true rows={3} maxlength={Some(4000)} error={errors.get("reason")} />
                <ProblemAlert problem={submit.problem()} />
                <div class="actions">
                    <button type="submit" id="correction-submit" class="button button--secondary"
                        disabled={submit.sending() || field_name.is_empty()}>
                        { if submit.sending() { "Enregistrement…" } else { "Enregistrer la correction" } }
                    </button>
                </div>
                <p id="correction-status" role="status" tabindex="-1">
                    if *done { { "La réponse a été corrigée ; l'historique garde le motif." } }
                </p>
            </form>
        </section>
    }
}
