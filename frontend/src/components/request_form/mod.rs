//! A procedure's form, step by step, then its recap: used to make a request (from the
//! procedure's page) and to change one (drafts, and sent requests no agent took yet).
//! Each "Suivant" checks the step with the domain's rules; the recap saves a draft or
//! sends the request. When the server finds a mistake, the person is taken back to the
//! step that holds the field, with the message under it, and every answer kept.

mod address_field;
pub mod answer_field;
mod answers;
mod documents_field;
mod done;
pub use done::start_from;
mod group_field;
mod modal_form;
mod person_dialog;
mod person_field;
mod pick;
mod recap;
mod signature_field;
mod step;

use domain::ids::{PersonId, RequestId};
use domain::problem::Problem;
use domain::profile::{Address, Member, SchoolEnrolment};
use domain::request::form::Answers;
use domain::request::{FormDefinition, RequestDetail, RequestInput, RequestStatus, RequestSummary};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::client::{ApiResult, Authed};
use crate::api::{profile, requests};
use crate::focus::focus_soon;
use crate::forms::FieldErrors;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;
use crate::route::{DraftSaved, Route};
use answers::{form_errors, known, step_errors, step_of_errors, Draft};
use recap::{Recap, Sending};
use step::StepView;

/// A request being changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Existing {
    pub id: RequestId,
    pub status: RequestStatus,
    pub answers: Answers,
    pub person_id: Option<PersonId>,
}

impl Existing {
    pub fn of(detail: &RequestDetail) -> Existing {
        Existing {
            id: detail.request.id,
            status: detail.request.status,
            answers: detail.answers.clone(),
            person_id: detail.request.person.as_ref().map(|p| p.id),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The procedure's slug.
    pub slug: AttrValue,
    pub form: FormDefinition,
    #[prop_or_default]
    pub existing: Option<Existing>,
    /// The answers a new request starts from (a fiche started from another).
    #[prop_or_default]
    pub initial: Option<Answers>,
    /// Move the focus to the first step at once (the form replaced the button pressed).
    #[prop_or_default]
    pub focus_first: bool,
}

#[derive(Clone, PartialEq)]
enum Stage {
    Step(usize),
    Recap,
    Done(RequestSummary),
}

#[function_component(RequestForm)]
pub fn request_form(props: &Props) -> Html {
    let session = use_session();
    let navigator = use_navigator();
    let form = props.form.clone();
    let existing = props.existing.clone();
    let answers = use_reducer(|| {
        Draft(
            existing
                .as_ref()
                .map(|e| &e.answers)
                .or(props.initial.as_ref())
                .map(|a| known(&props.form, a))
                .unwrap_or_default(),
        )
    });
    let person = use_state(|| {
        existing
            .as_ref()
            .and_then(|e| e.person_id)
            .map(|id| id.to_string())
            .unwrap_or_default()
    });
    let stage = use_state(|| match props.form.steps.is_empty() {
        true => Stage::Recap,
        false => Stage::Step(0),
    });
    let submit = use_submit().refocusing("#request-submit");
    // Which button sent, for its label.
    let sending = use_state(|| None::<Sending>);
    let saved_id = use_state(|| existing.as_ref().map(|e| e.id));
    let status = existing
        .as_ref()
        .map(|e| e.status)
        .unwrap_or(RequestStatus::Draft);

    // "Personne concernée" offers the household's members; without them it is not asked.
    let profile = {
        let authed = session.authed();
        use_fetch((), move |()| {
            let authed = authed.clone();
            async move { profile::profile(&authed).await }
        })
    };
    let members: Vec<Member> = match &*profile {
        Some(Ok(p)) => p.household.clone(),
        _ => Vec::new(),
    };
    let addresses: Vec<Address> = match &*profile {
        Some(Ok(p)) => p.addresses.clone(),
        _ => Vec::new(),
    };
    let schooling: Vec<SchoolEnrolment> = match &*profile {
        Some(Ok(p)) => p.schooled_children.clone(),
        _ => Vec::new(),
    };
    let partner = match &*profile {
        Some(Ok(p)) => person_field::holders_partner(p),
        _ => None,
    };
    // Mistakes (found here or by the server) take the person back to the step holding
    // the first of them.
    {
        let (stage, errors, form) = (stage.clone(), submit.errors().clone(), form.clone());
        use_effect_with(submit.attempt(), move |_| {
            if let Some(step) = step_of_errors(&form, &errors).filter(|s| *s < form.steps.len()) {
                if *stage != Stage::Step(step) {
                    stage.set(Stage::Step(step));
                }
            }
        });
    }
    // Each change of step moves the focus to its title, or to the errors that brought
    // the person back.
    {
        let first = use_mut_ref(|| !props.focus_first);
        let key = match &*stage {
            Stage::Step(i) => *i as i64,
            Stage::Recap => -1,
            Stage::Done(_) => -2,
        };
        let has_errors = !submit.errors().is_empty();
        use_effect_with(key, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus_soon(if has_errors {
                    "#request-errors"
                } else {
                    "#step-title"
                });
            }
        });
    }

    let on_answer = {
        let answers = answers.clone();
        Callback::from(move |change| answers.dispatch(change))
    };
    let on_person = {
        let person = person.clone();
        Callback::from(move |v: String| person.set(v))
    };
    let on_previous = {
        let (stage, submit) = (stage.clone(), submit.clone());
        Callback::from(move |_| {
            if let Stage::Step(i) = *stage {
                submit.clear();
                stage.set(Stage::Step(i.saturating_sub(1)));
            }
        })
    };
    // A draft is saved at each step, so that nothing typed is lost if the page closes.
    let autosaving = use_mut_ref(|| false);
    let autosaved = use_state(|| None::<i64>);
    // Each save of the draft: what depends on its answers (the documents) is read again.
    let saves = use_state(|| 0u32);
    let on_next = {
        let (stage, submit, answers, form) =
            (stage.clone(), submit.clone(), answers.clone(), form.clone());
        let (saved_id, person, authed, slug) = (
            saved_id.clone(),
            person.clone(),
            session.authed(),
            props.slug.to_string(),
        );
        let (autosaving, autosaved, saves) = (autosaving.clone(), autosaved.clone(), saves.clone());
        Callback::from(move |_| {
            let Stage::Step(i) = *stage else { return };
            // Only the questions asked: an answer a changed choice hid stays, unsent.
            let found = step_errors(&form, i, &form.asked(&answers.0));
            if !found.is_empty() {
                submit.invalid(found);
                return;
            }
            submit.clear();
            if status == RequestStatus::Draft && !*autosaving.borrow() {
                *autosaving.borrow_mut() = true;
                let input = RequestInput {
                    procedure: slug.clone(),
                    person_id: person.parse().ok(),
                    answers: form.asked(&answers.0),
                };
                let (authed, id) = (authed.clone(), *saved_id);
                let (saved_id, autosaving, autosaved, saves) = (
                    saved_id.clone(),
                    autosaving.clone(),
                    autosaved.clone(),
                    saves.clone(),
                );
                wasm_bindgen_futures::spawn_local(async move {
                    let saved = match id {
                        Some(id) => requests::update(&authed, id, &input).await,
                        None => requests::create(&authed, &input).await,
                    };
                    *autosaving.borrow_mut() = false;
                    // A refusal is shown when the person sends; a step never waits on it.
                    if let Ok(detail) = saved {
                        saved_id.set(Some(detail.request.id));
                        autosaved.set(Some(detail.request.number));
                        saves.set(*saves + 1);
                    }
                });
            }
            stage.set(if i + 1 < form.steps.len() {
                Stage::Step(i + 1)
            } else {
                Stage::Recap
            });
        })
    };
    let on_edit = {
        let (stage, submit, steps) = (stage.clone(), submit.clone(), form.steps.len());
        Callback::from(move |_| {
            submit.clear();
            if steps > 0 {
                stage.set(Stage::Step(0));
            }
        })
    };
    let send = |kind: Sending| {
        let (stage, submit, sending, saved_id) = (
            stage.clone(),
            submit.clone(),
            sending.clone(),
            saved_id.clone(),
        );
        let (answers, person, form, navigator, authed) = (
            answers.clone(),
            person.clone(),
            form.clone(),
            navigator.clone(),
            session.authed(),
        );
        let slug = props.slug.to_string();
        Callback::from(move |_| {
            if !submit.begin() {
                return;
            }
            let found = form_errors(&form, &form.asked(&answers.0), kind == Sending::Request);
            if !found.is_empty() {
                submit.invalid(found);
                return;
            }
            sending.set(Some(kind));
            let input = RequestInput {
                procedure: slug.clone(),
                person_id: person.parse().ok(),
                answers: form.asked(&answers.0),
            };
            let (done, saved_id, form, navigator, authed) = (
                stage.clone(),
                saved_id.clone(),
                form.clone(),
                navigator.clone(),
                authed.clone(),
            );
            let id = *saved_id;
            submit.send(
                async move {
                    let answer = save(&authed, id, &input, kind, &saved_id).await;
                    answer.map_err(|p| unplaceable_whole(p, &form))
                },
                move |detail| {
                    if kind == Sending::Request {
                        done.set(Stage::Done(detail.request));
                    } else if let Some(navigator) = navigator {
                        let saved = DraftSaved {
                            brouillon: Some(detail.request.number),
                        };
                        let _ = navigator.push_with_query(&Route::MyRequests, &saved);
                    }
                },
            );
        })
    };
    let sending = submit.sending().then_some(*sending).flatten();
    let errors = submit.errors();

    match &*stage {
        Stage::Step(i) => html! {
            <>
                <p class="hint" id="draft-status" role="status">
                    if let Some(n) = *autosaved {
                        { format!("Brouillon n° {n} enregistré : vous pourrez reprendre cette demande dans « Mes demandes ».") }
                    }
                </p>
                <StepView form={form.clone()} index={*i}
                    answers={answers.0.clone()} members={members.clone()} addresses={addresses.clone()} {schooling} {partner} person={(*person).clone()}
                    request={*saved_id} saved={*saves} errors={errors.clone()} attempt={submit.attempt()}
                    {on_answer} {on_person} {on_previous} {on_next} />
            </>
        },
        Stage::Recap => {
            let chosen = (!members.is_empty() && form.child_field().is_none()).then(|| {
                members
                    .iter()
                    .find(|m| m.person_id.to_string() == *person)
                    .map(Member::display_name)
            });
            html! {
                <Recap form={form.clone()} answers={form.asked(&answers.0)} person={chosen} members={members.clone()} addresses={addresses.clone()}
                    problem={submit.problem()} sending={sending} can_draft={status == RequestStatus::Draft}
                    {on_edit} on_draft={send(Sending::Draft)} on_submit={send(Sending::Request)} />
            }
        }
        Stage::Done(request) => done::done(request, status, &props.slug, &form),
    }
}

/// The server's mistakes that no step holds are shown whole, above the recap.
fn unplaceable_whole(mut problem: Problem, form: &FormDefinition) -> Problem {
    let found = FieldErrors::from_problem(&problem);
    let placeable = found
        .fields()
        .all(|f| f.starts_with("answers.") || f == "person_id");
    let held = step_of_errors(form, &found).is_some_and(|s| s < form.steps.len());
    if !placeable || !held {
        problem.errors.clear();
    }
    problem
}

/// Saves the answers (a new draft, or the request's new answers), then sends a draft.
async fn save(
    authed: &Authed,
    id: Option<RequestId>,
    input: &RequestInput,
    kind: Sending,
    saved_id: &UseStateHandle<Option<RequestId>>,
) -> ApiResult<RequestDetail> {
    let saved = match id {
        Some(id) => requests::update(authed, id, input).await?,
        None => requests::create(authed, input).await?,
    };
    // If sending fails now, the next attempt changes this draft instead of making another.
    saved_id.set(Some(saved.request.id));
    if kind == Sending::Request && saved.request.status == RequestStatus::Draft {
        requests::submit(authed, saved.request.id).await
    } else {
        Ok(saved)
    }
}
