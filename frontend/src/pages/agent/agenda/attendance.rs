//! "Pointer" a booked child: présent, en retard, absent justifié, absent non justifié
//! (with its reason). A recording can be corrected; the list shows who recorded it.

use domain::agenda::{Attendance, AttendanceInput, AttendanceRecord, RosterChild};
use validator::Validate;
use yew::prelude::*;

use crate::api::agent_agenda;
use crate::components::problem_alert::ProblemAlert;
use crate::components::select_field::SelectField;
use crate::components::textarea_field::TextareaField;
use crate::forms::{optional_text, FieldErrors};
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

const CHOICES: [(Attendance, &str); 4] = [
    (Attendance::Present, "Présent(e)"),
    (Attendance::Late, "Arrivé(e) en retard"),
    (Attendance::AbsentJustified, "Absent(e), justifié"),
    (Attendance::AbsentUnjustified, "Absent(e), non justifié"),
];

fn words(attendance: Attendance) -> &'static str {
    CHOICES
        .iter()
        .find(|(a, _)| *a == attendance)
        .map_or("", |(_, w)| w)
}

/// "Absent non justifié (Pas prévenu) — pointé par AGENT Anne", or "Non pointé".
pub fn attendance_words(record: Option<&AttendanceRecord>) -> String {
    match record {
        None => "Non pointé".into(),
        Some(r) => {
            let reason = r
                .reason
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            format!(
                "{}{reason} — pointé par {}",
                words(r.attendance),
                r.recorded_by
            )
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub child: RosterChild,
    /// Recorded: what to announce.
    pub on_changed: Callback<String>,
}

#[function_component(AttendanceForm)]
pub fn attendance_form(props: &Props) -> Html {
    let session = use_session();
    let booking = props.child.booking_id;
    let submit = use_submit().refocusing(format!("#attendance-submit-{booking}"));
    let recorded = props.child.attendance.as_ref();
    let choice = use_state(|| recorded.map(|r| r.attendance));
    let reason = use_state(|| recorded.and_then(|r| r.reason.clone()).unwrap_or_default());
    let invalid = use_state(FieldErrors::default);
    let onsubmit = {
        let (choice, reason, submit, invalid) = (
            choice.clone(),
            reason.clone(),
            submit.clone(),
            invalid.clone(),
        );
        let (name, on_changed) = (props.child.name.clone(), props.on_changed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(attendance) = *choice else {
                let mut errors = FieldErrors::default();
                errors.push("attendance", "required");
                invalid.set(errors);
                return;
            };
            let absent = matches!(
                attendance,
                Attendance::AbsentJustified | Attendance::AbsentUnjustified
            );
            let input = AttendanceInput {
                attendance,
                reason: absent.then(|| optional_text(&reason)).flatten(),
            };
            if let Err(errors) = input.validate() {
                invalid.set(FieldErrors::from_validation(&errors));
                return;
            }
            invalid.set(FieldErrors::default());
            if !submit.begin() {
                return;
            }
            let (authed, on_changed, name) = (session.authed(), on_changed.clone(), name.clone());
            submit.send(
                async move { agent_agenda::record_attendance(&authed, booking, &input).await },
                move |record| {
                    on_changed.emit(format!("{name} : {}.", attendance_words(Some(&record))))
                },
            );
        })
    };
    let errors = if invalid.is_empty() {
        submit.errors().clone()
    } else {
        (*invalid).clone()
    };
    let options: Vec<(AttrValue, AttrValue)> = CHOICES
        .iter()
        .map(|(a, w)| (AttrValue::from(a.as_str()), AttrValue::from(*w)))
        .collect();
    let on_choice = {
        let choice = choice.clone();
        Callback::from(move |v: String| choice.set(Attendance::parse(&v)))
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |v: String| reason.set(v))
    };
    let unjustified = *choice == Some(Attendance::AbsentUnjustified);
    let absent = unjustified || *choice == Some(Attendance::AbsentJustified);
    html! {
        <form class="attendance-form no-print" {onsubmit} novalidate=true>
            <ProblemAlert problem={submit.problem()} />
            <SelectField id={format!("attendance-{booking}")} label={format!("Présence de {}", props.child.name)}
                value={choice.map(|a| a.as_str()).unwrap_or_default()} {options} onchange={on_choice}
                placeholder="Non pointé" error={errors.get("attendance")} />
            if absent {
                <TextareaField id={format!("attendance-reason-{booking}")} label={format!("Motif de l'absence de {}", props.child.name)} rows={2}
                    required={unjustified} hint={unjustified.then_some(AttrValue::from("Obligatoire pour une absence non justifiée."))}
                    value={(*reason).clone()} oninput={on_reason} error={errors.get("reason")} />
            }
            <button type="submit" id={format!("attendance-submit-{booking}")} class="button" disabled={submit.sending()}>
                { if submit.sending() { "Enregistrement…" } else { "Pointer" } }
                <span class="sr-only">{ format!(" {}", props.child.name) }</span>
            </button>
        </form>
    }
}
