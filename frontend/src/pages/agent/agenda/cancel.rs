//! "Annuler la réservation" (or "Retirer de la liste d'attente") for the family, with a
//! reason past the cancellation deadline; the family's history shows the agent.

use domain::agenda::{AgentCancellation, RosterChild};
use yew::prelude::*;

use crate::api::agent_agenda;
use crate::components::problem_alert::ProblemAlert;
use crate::components::textarea_field::TextareaField;
use crate::focus::focus_soon;
use crate::forms::optional_text;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub child: RosterChild,
    /// On the waiting list (the words differ).
    pub waiting: bool,
    /// Cancelled: what to announce.
    pub on_changed: Callback<String>,
}

#[function_component(CancelBooking)]
pub fn cancel_booking(props: &Props) -> Html {
    let session = use_session();
    let booking = props.child.booking_id;
    let open = use_state(|| false);
    let reason = use_state(String::new);
    let submit = use_submit();
    let label = if props.waiting {
        "Retirer de la liste d'attente"
    } else {
        "Annuler la réservation"
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(!*open);
            if !*open {
                focus_soon(format!("#cancel-reason-{booking}"));
            }
        })
    };
    let waiting = props.waiting;
    let done = move |name: &str| match waiting {
        true => format!("{name} : retiré(e) de la liste d'attente."),
        false => format!("{name} : réservation annulée."),
    };
    let onsubmit = {
        let (reason, submit) = (reason.clone(), submit.clone());
        let (name, on_changed) = (props.child.name.clone(), props.on_changed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let input = AgentCancellation {
                reason: optional_text(&reason),
            };
            let (authed, on_changed, name) = (session.authed(), on_changed.clone(), name.clone());
            submit.send(
                async move { agent_agenda::cancel(&authed, booking, &input).await },
                move |_| on_changed.emit(done(&name)),
            );
        })
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |v: String| reason.set(v))
    };
    html! {
        <div class="cancel-booking">
            <button type="button" id={format!("cancel-open-{booking}")} class="button button--secondary disclosure-toggle"
                aria-expanded={open.to_string()} aria-controls={format!("cancel-panel-{booking}")} onclick={toggle}>
                <span class="disclosure-mark" aria-hidden="true">{ if *open { "▾ " } else { "▸ " } }</span>
                { label }<span class="sr-only">{ format!(" : {}", props.child.name) }</span>
            </button>
            <div id={format!("cancel-panel-{booking}")} class="disclosure-panel" hidden={!*open}>
                if *open {
                    <form class="subform" {onsubmit} novalidate=true>
                        <ProblemAlert problem={submit.problem()} />
                        <TextareaField id={format!("cancel-reason-{booking}")} label={format!("Motif ({})", props.child.name)} rows={2}
                            hint="Obligatoire après le délai d'annulation ; la famille le voit dans son historique."
                            value={(*reason).clone()} oninput={on_reason} error={submit.errors().get("reason")} />
                        <button type="submit" id={format!("cancel-confirm-{booking}")} class="button" disabled={submit.sending()}>
                            { "Confirmer" }<span class="sr-only">{ format!(" : {label}, {}", props.child.name) }</span>
                        </button>
                    </form>
                }
            </div>
        </div>
    }
}
