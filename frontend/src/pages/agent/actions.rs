//! What an agent does with a request, by status: "Prendre en charge" (Enregistrée);
//! "Accepter" or "Refuser" with a note (En traitement; a refusal needs its reason);
//! "Ajouter un commentaire" (any sent request). Each result is announced and the page
//! shows the request as the server returns it.

use domain::ids::RequestId;
use domain::request::{Acceptance, AgentNote, RequestDetail, RequestStatus};
use validator::Validate;
use yew::prelude::*;

use crate::api::agent;
use crate::api::client::{ApiResult, Authed};
use crate::components::problem_alert::ProblemAlert;
use crate::components::textarea_field::TextareaField;
use crate::focus::focus_soon;
use crate::forms::optional_text;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Clone, Copy, PartialEq)]
enum Action {
    Take,
    Accept,
    Refuse,
    Comment,
}

impl Action {
    fn done(self) -> &'static str {
        match self {
            Action::Take => "La demande est prise en charge.",
            Action::Accept => "La demande a été acceptée : elle est close.",
            Action::Refuse => "La demande a été refusée.",
            Action::Comment => "Le commentaire a été ajouté.",
        }
    }

    /// The question asked before an action that closes the request.
    fn question(self, number: i64) -> Option<String> {
        match self {
            Action::Accept => Some(format!(
                "Accepter la demande n° {number} ? Elle sera close et le demandeur en sera informé par courriel."
            )),
            Action::Refuse => Some(format!(
                "Refuser la demande n° {number} ? Le demandeur recevra le motif par courriel."
            )),
            _ => None,
        }
    }

    /// The message when the note is missing, for the actions that need one.
    fn note_missing(self) -> Option<&'static str> {
        match self {
            Action::Refuse => Some("Indiquez le motif du refus."),
            Action::Comment => Some("Saisissez le commentaire à ajouter."),
            _ => None,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub detail: RequestDetail,
    pub on_change: Callback<RequestDetail>,
}

#[function_component(AgentActions)]
pub fn agent_actions(props: &Props) -> Html {
    let session = use_session();
    let note = use_state(String::new);
    let error = use_state(|| None::<AttrValue>);
    // Which action is under way, for its button's label.
    let acting = use_state(|| None::<Action>);
    let submit = use_submit().refocusing("#agent-problem");
    let status = use_state(|| None::<&'static str>);
    // Accepting or refusing closes the request: the first click asks, "Confirmer" acts.
    let confirming = use_state(|| None::<Action>);
    let request = &props.detail.request;
    {
        // The server refused the note: the focus goes to it.
        use_effect_with(submit.attempt(), |attempt| {
            if *attempt > 0 {
                focus_soon("#agent_note");
            }
        });
    }

    let act = |action: Action| {
        let (note, error, acting, submit, status, confirming) = (
            note.clone(),
            error.clone(),
            acting.clone(),
            submit.clone(),
            status.clone(),
            confirming.clone(),
        );
        let (on_change, authed, id) = (props.on_change.clone(), session.authed(), request.id);
        Callback::from(move |_: MouseEvent| {
            if submit.sending() {
                return;
            }
            status.set(None);
            submit.clear();
            let text = (*note).clone();
            if let Some(missing) = action.note_missing() {
                let invalid = AgentNote { text: text.clone() }.validate().is_err();
                if invalid {
                    let message = if text.trim().is_empty() {
                        missing
                    } else {
                        "Le texte est trop long (4 000 caractères au plus)."
                    };
                    error.set(Some(AttrValue::Static(message)));
                    focus_soon("#agent_note");
                    return;
                }
            }
            error.set(None);
            if action.question(0).is_some() && *confirming != Some(action) {
                confirming.set(Some(action));
                focus_soon("#agent-confirm");
                return;
            }
            if !submit.begin() {
                return;
            }
            confirming.set(None);
            acting.set(Some(action));
            let (note, status, on_change, authed) = (
                note.clone(),
                status.clone(),
                on_change.clone(),
                authed.clone(),
            );
            submit.send(
                async move { run(&authed, id, action, text).await },
                move |detail| {
                    note.set(String::new());
                    status.set(Some(action.done()));
                    on_change.emit(detail);
                    focus_soon("#agent-status");
                },
            );
        })
    };
    let busy = submit.sending().then_some(*acting).flatten();
    let note_error = (*error).clone().or_else(|| submit.errors().get("text"));

    let button = |id: &'static str, label: &'static str, action: Action, class: &'static str| {
        html! {
            <button type="button" {id} class={classes!("button", class)} disabled={busy.is_some()} onclick={act(action)}>
                { if busy == Some(action) { "Envoi…" } else { label } }
            </button>
        }
    };
    let set_note = {
        let note = note.clone();
        Callback::from(move |v: String| note.set(v))
    };
    let in_progress = request.status == RequestStatus::InProgress;
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(action) = *confirming {
                confirming.set(None);
                focus_soon(if action == Action::Accept {
                    "#agent-accept"
                } else {
                    "#agent-refuse"
                });
            }
        })
    };
    let confirmation = (*confirming).and_then(|action| {
        let question = action.question(request.number)?;
        Some(html! {
            <div class="confirm" role="group" aria-labelledby="agent-confirm-question">
                <p class="confirm-question" id="agent-confirm-question">{ question }</p>
                <div class="actions">
                    <button type="button" id="agent-confirm" class="button" disabled={busy.is_some()}
                        onclick={act(action)}>{ if busy.is_some() { "Envoi…" } else { "Confirmer" } }</button>
                    <button type="button" id="agent-confirm-cancel" class="button button--secondary"
                        onclick={cancel.clone()}>{ "Annuler" }</button>
                </div>
            </div>
        })
    });
    html! {
        <section class="card agent-actions no-print" aria-labelledby="agent-actions-title">
            <h2 id="agent-actions-title">{ "Traitement" }</h2>
            <div role="status" id="agent-status" tabindex="-1"
                class={classes!(status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = *status { <p>{ message }</p> }
            </div>
            <div id="agent-problem" tabindex="-1"><ProblemAlert problem={submit.problem()} /></div>
            if request.status == RequestStatus::Submitted {
                <div class="actions">{ button("agent-take", "Prendre en charge", Action::Take, "") }</div>
            }
            if request.status != RequestStatus::Draft {
                <TextareaField id="agent_note" label={if in_progress { "Commentaire ou motif" } else { "Commentaire" }}
                    value={(*note).clone()} oninput={set_note} error={note_error} maxlength={Some(4000)}
                    hint={if in_progress {
                        "Facultatif pour accepter (il est joint à l'acceptation), obligatoire pour refuser (c'est le motif) ; le demandeur le reçoit par courriel."
                    } else {
                        "Le demandeur reçoit le commentaire par courriel."
                    }} />
                <div class="actions">
                    if in_progress {
                        { button("agent-accept", "Accepter", Action::Accept, "") }
                        { button("agent-refuse", "Refuser", Action::Refuse, "button--danger") }
                    }
                    { button("agent-comment", "Ajouter un commentaire", Action::Comment, "button--secondary") }
                </div>
                { for confirmation }
            }
        </section>
    }
}

async fn run(
    authed: &Authed,
    id: RequestId,
    action: Action,
    text: String,
) -> ApiResult<RequestDetail> {
    match action {
        Action::Take => agent::take(authed, id).await,
        Action::Accept => {
            let acceptance = Acceptance {
                comment: optional_text(&text),
            };
            agent::accept(authed, id, &acceptance).await
        }
        Action::Refuse => agent::refuse(authed, id, &AgentNote { text }).await,
        Action::Comment => agent::comment(authed, id, &AgentNote { text }).await,
    }
}
