//! One day opened: each unit open that day, where it stands for the person in words,
//! "Réserver" or "Annuler" within the rules (the server checks them again).

use domain::agenda::{Agenda, AgendaDay, BookingInput, BookingStatus, UnitState};
use domain::ids::{BookingId, PersonId};
use yew::prelude::*;

use super::words::{long_date, unit_state};
use crate::api::agenda;
use crate::components::problem_alert::ProblemAlert;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

/// What a unit's button does.
#[derive(Clone)]
enum Change {
    Book(BookingInput),
    Cancel(BookingId),
}

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
        let change = match (u.state, u.booking_id) {
            (UnitState::Bookable, _) => Some((
                "Réserver",
                Change::Book(BookingInput {
                    day: props.day.date,
                    activity: u.activity.clone(),
                    unit: u.unit.clone(),
                }),
            )),
            (UnitState::Booked | UnitState::Waiting, Some(booking)) if u.cancellable => {
                let label = match u.state {
                    UnitState::Waiting => "Quitter la liste d'attente",
                    _ => "Annuler",
                };
                Some((label, Change::Cancel(booking)))
            }
            _ => None,
        };
        let action = change.map(|(label, change)| {
            let (submit, authed, person, done) = (
                submit.clone(),
                session.authed(),
                props.person,
                props.on_changed.clone(),
            );
            let what = format!("{what}, {}", long_date(props.day.date));
            let onclick = Callback::from(move |_: MouseEvent| {
                if !submit.begin() {
                    return;
                }
                let (authed, change, done, what) =
                    (authed.clone(), change.clone(), done.clone(), what.clone());
                submit.send(
                    async move {
                        match change {
                            Change::Book(input) => agenda::book(&authed, person, &input).await,
                            Change::Cancel(id) => agenda::cancel(&authed, person, id).await,
                        }
                    },
                    move |booking| {
                        done.emit(match (booking.status, booking.position) {
                            (BookingStatus::Waiting, Some(n)) => {
                                format!("{what} : complet, vous êtes en liste d'attente (n° {n}).")
                            }
                            (BookingStatus::Cancelled, _) => format!("{what} : réservation annulée."),
                            _ => format!("{what} : réservé."),
                        })
                    },
                );
            });
            (label, onclick)
        });
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
