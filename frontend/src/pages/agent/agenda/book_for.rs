//! "Réserver pour la famille": on a household's page, an agent books a unit for a child
//! (a parent on the phone). Without a reason the family's rules apply; a reason lifts the
//! deadlines (the day itself, a past day) and the family's history shows it.

use domain::agenda::{AgentBookingInput, BookingStatus};
use domain::ids::{HouseholdId, PersonId};
use domain::profile::{Member, MemberRole};
use yew::prelude::*;

use crate::api::agent_agenda;
use crate::components::date_field::{DateField, DateParts};
use crate::components::problem_alert::ProblemAlert;
use crate::components::select_field::SelectField;
use crate::components::textarea_field::TextareaField;
use crate::forms::{optional_text, FieldErrors};
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub household: HouseholdId,
    pub members: Vec<Member>,
}

#[function_component(BookForFamily)]
pub fn book_for_family(props: &Props) -> Html {
    let session = use_session();
    let submit = use_submit().refocusing("#book-for-submit");
    let children: Vec<&Member> = props
        .members
        .iter()
        .filter(|m| m.role == MemberRole::Child)
        .collect();
    let child = use_state(|| children.first().map(|m| m.person_id));
    let unit = use_state(String::new);
    let day = use_state(|| DateParts::of(crate::dates::today()));
    let reason = use_state(String::new);
    let invalid = use_state(FieldErrors::default);
    let status = use_state(|| None::<String>);
    let units = {
        let authed = session.authed();
        use_fetch((), move |()| {
            let authed = authed.clone();
            async move { agent_agenda::day(&authed, crate::dates::today()).await }
        })
    };
    let units: Vec<(String, String)> = match &*units {
        Some(Ok(list)) => list
            .iter()
            .map(|u| (format!("{}/{}", u.activity, u.unit), u.title.clone()))
            .collect(),
        _ => Vec::new(),
    };
    if children.is_empty() {
        return html! {};
    }
    let onsubmit = {
        let (child, unit, day, reason, submit, invalid, status) = (
            child.clone(),
            unit.clone(),
            day.clone(),
            reason.clone(),
            submit.clone(),
            invalid.clone(),
            status.clone(),
        );
        let (household, units, members) = (props.household, units.clone(), props.members.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut errors = FieldErrors::default();
            let picked = unit.split_once('/');
            if picked.is_none() {
                errors.push("book_for_unit", "required");
            }
            let date = match day.parse() {
                Some(Ok(date)) => Some(date),
                _ => {
                    errors.push("book_for_day_day", "invalid_date");
                    None
                }
            };
            let (Some(person), Some((activity, unit_code)), Some(date)) = (*child, picked, date)
            else {
                invalid.set(errors);
                return;
            };
            invalid.set(FieldErrors::default());
            if !submit.begin() {
                return;
            }
            status.set(None);
            let input = AgentBookingInput {
                day: date,
                activity: activity.to_string(),
                unit: unit_code.to_string(),
                reason: optional_text(&reason),
            };
            let title = units
                .iter()
                .find(|(code, _)| *code == *unit)
                .map(|(_, t)| t.clone())
                .unwrap_or_default();
            let name = members
                .iter()
                .find(|m| m.person_id == person)
                .map(Member::display_name)
                .unwrap_or_default();
            let (authed, status) = (session.authed(), status.clone());
            submit.send(
                async move { agent_agenda::book(&authed, household, person, &input).await },
                move |booking| {
                    let what = format!("{title} le {} pour {name}", date.format("%d/%m/%Y"));
                    status.set(Some(match (booking.status, booking.position) {
                        (BookingStatus::Waiting, Some(n)) => {
                            format!("{what} : complet, en liste d'attente (n° {n}).")
                        }
                        _ => format!("Réservé : {what}."),
                    }))
                },
            );
        })
    };
    let errors = if invalid.is_empty() {
        submit.errors().clone()
    } else {
        (*invalid).clone()
    };
    let child_options: Vec<(AttrValue, AttrValue)> = children
        .iter()
        .map(|m| {
            (
                AttrValue::from(m.person_id.to_string()),
                AttrValue::from(m.display_name()),
            )
        })
        .collect();
    let unit_options: Vec<(AttrValue, AttrValue)> = units
        .iter()
        .map(|(code, title)| {
            (
                AttrValue::from(code.clone()),
                AttrValue::from(title.clone()),
            )
        })
        .collect();
    let on_child = {
        let child = child.clone();
        Callback::from(move |v: String| child.set(v.parse::<i64>().ok().map(PersonId)))
    };
    let on_unit = {
        let unit = unit.clone();
        Callback::from(move |v: String| unit.set(v))
    };
    let on_day = {
        let day = day.clone();
        Callback::from(move |v: DateParts| day.set(v))
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |v: String| reason.set(v))
    };
    html! {
        <section class="card no-print" aria-labelledby="book-for-title">
            <h2 id="book-for-title">{ "Réserver pour la famille" }</h2>
            <div role="status" id="book-for-status" class={classes!(status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*status { <p>{ message.clone() }</p> }
            </div>
            <form class="subform" {onsubmit} novalidate=true>
                <ProblemAlert problem={submit.problem()} />
                <SelectField id="book_for_child" label="Enfant" required=true
                    value={child.map(|p| p.to_string()).unwrap_or_default()} options={child_options} onchange={on_child} />
                <SelectField id="book_for_unit" label="Activité" required=true value={(*unit).clone()}
                    options={unit_options} onchange={on_unit} error={errors.get("book_for_unit").or(errors.get("unit"))} />
                <DateField prefix="book_for_day" legend="Jour" required=true value={(*day).clone()} onchange={on_day}
                    error={errors.get("book_for_day_day").or(errors.get("day"))} />
                <TextareaField id="book_for_reason" label="Motif" rows={2} value={(*reason).clone()} oninput={on_reason}
                    hint="Seulement pour passer outre les délais (le jour même, un jour passé, le délai de réservation, un jour trop lointain) : la famille le voit dans son historique."
                    error={errors.get("reason")} />
                <button type="submit" id="book-for-submit" class="button" disabled={submit.sending()}>
                    { if submit.sending() { "Réservation…" } else { "Réserver" } }
                </button>
            </form>
        </section>
    }
}
