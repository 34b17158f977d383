//! "Enregistrer une inscription scolaire": on a household's page, the agent records a
//! child's school year, establishment, level and class. One form at a time (its ids are
//! the page's); the domain rules (`SchoolEnrolmentInput::validate`) run before sending and
//! the API's field errors (`school_year`) show under the inputs `enrolment_<field>`.

use chrono::{Datelike, Local};
use domain::ids::PersonId;
use domain::profile::{Member, MemberRole, SchoolEnrolment, SchoolEnrolmentInput};
use validator::Validate;
use yew::prelude::*;

use crate::api::agent;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::focus::focus_soon;
use crate::forms::{optional_text, FieldErrors, Inputs};
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

const PREFIX: &str = "enrolment_";

const FIELDS: [(&str, &str); 4] = [
    ("enrolment_school_year", "Année scolaire"),
    ("enrolment_establishment", "Établissement"),
    ("enrolment_level", "Niveau"),
    ("enrolment_class_name", "Classe"),
];

/// The school year under way, or about to start from September on: `2026-2027`.
fn current_school_year(year: i32, month: u32) -> String {
    let start = if month >= 9 { year } else { year - 1 };
    format!("{start}-{}", start + 1)
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The household's people; the form is offered for its children.
    pub members: Vec<Member>,
    /// Told after an enrolment is recorded, so the page shows it.
    pub on_saved: Callback<SchoolEnrolment>,
}

#[function_component(EnrolmentsCard)]
pub fn enrolments_card(props: &CardProps) -> Html {
    let open = use_state(|| None::<PersonId>);
    let status = use_state(|| None::<String>);
    let children: Vec<&Member> = props
        .members
        .iter()
        .filter(|m| m.role == MemberRole::Child)
        .collect();
    let toggle = |person_id: PersonId| {
        let (open, status) = (open.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            open.set(if *open == Some(person_id) {
                None
            } else {
                Some(person_id)
            });
        })
    };
    let on_close = {
        let open = open.clone();
        Callback::from(move |person_id: PersonId| {
            open.set(None);
            focus_soon(format!("#enrolment-open-{person_id}"));
        })
    };
    let on_saved = {
        let (open, status, on_saved) = (open.clone(), status.clone(), props.on_saved.clone());
        Callback::from(move |enrolment: SchoolEnrolment| {
            open.set(None);
            status.set(Some("Inscription enregistrée.".to_string()));
            focus_soon(format!("#enrolment-open-{}", enrolment.person_id));
            on_saved.emit(enrolment);
        })
    };
    html! {
        <section class="card" aria-labelledby="enrolments-title">
            <h2 id="enrolments-title">{ "Inscriptions scolaires" }</h2>
            <div role="status" id="enrolment-status" class={classes!(status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*status { <p>{ message.clone() }</p> }
            </div>
            if children.is_empty() {
                <p><i>{ "Aucun enfant dans ce foyer." }</i></p>
            } else {
                <ul class="child-list">
                    { for children.iter().map(|child| {
                        let id = child.person_id;
                        let name = child.display_name();
                        let expanded = *open == Some(id);
                        html! {
                            <li key={id.get()}>
                                <p class="child-name"><strong>{ name.clone() }</strong></p>
                                <button type="button" id={format!("enrolment-open-{id}")}
                                    class="button button--secondary disclosure-toggle"
                                    aria-expanded={if expanded { "true" } else { "false" }}
                                    aria-controls={format!("enrolment-panel-{id}")} onclick={toggle(id)}>
                                    <span class="disclosure-mark" aria-hidden="true">{ if expanded { "▾ " } else { "▸ " } }</span>
                                    { "Enregistrer une inscription scolaire" }
                                    <span class="sr-only">{ format!(" pour {name}") }</span>
                                </button>
                                <div id={format!("enrolment-panel-{id}")} class="disclosure-panel" hidden={!expanded}>
                                    if expanded {
                                        <EnrolmentForm person_id={id} child_name={name.clone()}
                                            on_saved={on_saved.clone()} on_close={on_close.clone()} />
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    person_id: PersonId,
    child_name: AttrValue,
    on_saved: Callback<SchoolEnrolment>,
    /// With the child's person id.
    on_close: Callback<PersonId>,
}

#[function_component(EnrolmentForm)]
fn enrolment_form(props: &FormProps) -> Html {
    let session = use_session();
    let school_year = use_state(|| {
        let today = Local::now().date_naive();
        current_school_year(today.year(), today.month())
    });
    let establishment = use_state(String::new);
    let level = use_state(String::new);
    let class_name = use_state(String::new);
    let submit = use_submit()
        .refocusing("#enrolment-submit")
        .on_inputs(Inputs::Prefixed(PREFIX));

    // The form opens on its first input.
    use_effect_with((), |_| focus_soon("#enrolment_school_year"));

    let onsubmit = {
        let fields = [
            school_year.clone(),
            establishment.clone(),
            level.clone(),
            class_name.clone(),
        ];
        let submit = submit.clone();
        let (person_id, on_saved) = (props.person_id, props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            let [school_year, establishment, level, class_name] = &fields;
            let input = SchoolEnrolmentInput {
                school_year: school_year.trim().to_string(),
                establishment: establishment.trim().to_string(),
                level: level.trim().to_string(),
                class_name: optional_text(class_name),
            };
            if let Err(invalid) = input.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let (authed, on_saved) = (session.authed(), on_saved.clone());
            submit.send(
                async move { agent::add_enrolment(&authed, person_id, &input).await },
                move |enrolment| on_saved.emit(enrolment),
            );
        })
    };
    let errors = submit.errors();
    let close = {
        let (on_close, person_id) = (props.on_close.clone(), props.person_id);
        Callback::from(move |_: MouseEvent| on_close.emit(person_id))
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    html! {
        <form class="subform" {onsubmit} novalidate=true aria-labelledby="enrolment-form-title">
            <h3 id="enrolment-form-title">{ format!("Inscription scolaire de {}", props.child_name) }</h3>
            <p class="hint">{ "Les champs marqués d'un astérisque (*) sont obligatoires." }</p>
            <ErrorSummary id="enrolment-errors" items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
            <ProblemAlert problem={submit.problem()} />
            <TextField id="enrolment_school_year" label="Année scolaire" value={(*school_year).clone()}
                oninput={set(&school_year)} required=true hint="Par exemple : 2026-2027"
                error={errors.get("enrolment_school_year")} />
            <TextField id="enrolment_establishment" label="Établissement" value={(*establishment).clone()}
                oninput={set(&establishment)} required=true error={errors.get("enrolment_establishment")} />
            <TextField id="enrolment_level" label="Niveau" value={(*level).clone()}
                oninput={set(&level)} required=true hint="Par exemple : CE2, 6e"
                error={errors.get("enrolment_level")} />
            <TextField id="enrolment_class_name" label="Classe" value={(*class_name).clone()}
                oninput={set(&class_name)} error={errors.get("enrolment_class_name")} />
            <div class="actions">
                <button type="submit" id="enrolment-submit" class="button" disabled={submit.sending()}>
                    { if submit.sending() { "Enregistrement…" } else { "Enregistrer l'inscription" } }
                </button>
                <button type="button" id="enrolment-close" class="button button--secondary" onclick={close}>{ "Fermer" }</button>
            </div>
        </form>
    }
}
