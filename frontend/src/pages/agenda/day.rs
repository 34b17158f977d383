//! One day opened: each unit open that day, where it stands for the person in words,
//! "Réserver" or "Annuler" within the rules (the server checks them again).

use domain::agenda::{Agenda, AgendaDay, BookingInput, BookingStatus, UnitState};
use domain::ids::PersonId;
use yew::prelude::*;

use super::words::{long_date, unit_state};
use crate::api::agenda;
use crate::components::problem_alert::ProblemAlert;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub agenda: Agenda,
    pub day: AgendaDay,
    pub person: PersonId,
    /// A change was made: what to announce.
    pub on_changed: Callback<String>,
}

#[function_component(DayPanel)]
pub fn day_panel(props: &Props) -> Html {
    let session = use_session();
    let submit = use_submit();
    let title = long_date(props.day.date);
    let name_of = |activity: &str, unit: &str| {
        props
            .agenda
            .units
            .iter()
            .find(|u| u.activity == activity && u.unit == unit)
            .map(|u| (u.activity_name.clone(), u.label.clone()))
            .unwrap_or_default()
    };
    let rows = props.day.units.iter().enumerate().map(|(at, u)| {
        let (activity_name, label) = name_of(&u.activity, &u.unit);
        let what = format!("{activity_name} : {label}");
        let action = match (u.state, u.booking_id) {
            (UnitState::Bookable, _) => {
                let input = BookingInput {
                    day: props.day.date,
                    activity: u.activity.clone(),
                    unit: u.unit.clone(),
                };
                let (submit, authed, person, done, what) = (
                    submit.clone(),
                    session.authed(),
                    props.person,
                    props.on_changed.clone(),
                    what.clone(),
                );
                let date = long_date(props.day.date);
                let onclick = Callback::from(move |_: MouseEvent| {
                    if !submit.begin() {
                        return;
                    }
                    let (authed, input, done, what, date) =
                        (authed.clone(), input.clone(), done.clone(), what.clone(), date.clone());
                    submit.send(
                        async move { agenda::book(&authed, person, &input).await },
                        move |booking| {
                            done.emit(match (booking.status, booking.position) {
                                (BookingStatus::Waiting, Some(n)) => format!("{what}, {date} : complet, vous êtes en liste d'attente (n° {n})."),
                                _ => format!("{what}, {date} : réservé."),
                            })
                        },
                    );
                });
                Some(("Réserver", onclick))
            }
            (UnitState::Booked | UnitState::Waiting, Some(booking)) if u.cancellable => {
                let (submit, authed, person, done, what) = (
                    submit.clone(),
                    session.authed(),
                    props.person,
                    props.on_changed.clone(),
                    what.clone(),
                );
                let date = long_date(props.day.date);
                let onclick = Callback::from(move |_: MouseEvent| {
                    if !submit.begin() {
                        return;
                    }
                    let (authed, done, what, date) = (authed.clone(), done.clone(), what.clone(), date.clone());
                    submit.send(
                        async move { agenda::cancel(&authed, person, booking).await },
                        move |_| done.emit(format!("{what}, {date} : réservation annulée.")),
                    );
                });
                let label = if u.state == UnitState::Waiting { "Quitter la liste d'attente" } else { "Annuler" };
                Some((label, onclick))
            }
            _ => None,
        };
        html! {
            <li key={format!("{}-{}", u.activity, u.unit)} class={classes!("unit-line", format!("unit--{}", u.state.as_str()))}
                id={format!("unit-{at}")}>
                <span class="unit-name"><strong>{ activity_name.clone() }</strong>{ format!(" — {label}") }</span>
                <span class="unit-state">{ unit_state(u) }</span>
                if let Some((text, onclick)) = action {
                    <button type="button" class="button" id={format!("unit-action-{at}")}
                        disabled={submit.sending()} {onclick}>
                        { text }<span class="sr-only">{ format!(" : {what}") }</span>
                    </button>
                }
            </li>
        }
    });
    html! {
        <section class="card agenda-day" id="agenda-day" aria-labelledby="agenda-day-title">
            <h2 id="agenda-day-title" tabindex="-1">{ title }</h2>
            if let Some(label) = &props.day.label {
                <p class="hint">{ label.clone() }</p>
            }
            <ProblemAlert problem={submit.problem()} />
            <ul class="plain-list unit-lines">{ for rows }</ul>
        </section>
    }
}
