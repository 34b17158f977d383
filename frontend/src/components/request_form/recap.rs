//! "Récapitulatif de la demande": every answer as it will be read, then "Modifier les
//! informations", "Enregistrer en brouillon" and "Enregistrer la demande".

use domain::problem::Problem;
use std::collections::BTreeMap;

use domain::profile::{Address, Member};
use domain::request::form::Answers as AnswerMap;
use domain::request::{FieldKind, FormDefinition};
use yew::prelude::*;

use crate::components::detail_list::Detail;
use crate::components::problem_alert::ProblemAlert;
use crate::components::request_view::Answers;

/// What is being sent.
#[derive(Clone, Copy, PartialEq)]
pub enum Sending {
    Draft,
    Request,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub form: FormDefinition,
    pub answers: AnswerMap,
    /// The chosen person's name, when the form asked for one.
    pub person: Option<Option<String>>,
    /// The household and its addresses, to name what is picked in a list.
    pub members: Vec<Member>,
    pub addresses: Vec<Address>,
    pub problem: Option<Problem>,
    pub sending: Option<Sending>,
    /// A request already sent cannot go back to draft.
    pub can_draft: bool,
    pub on_edit: Callback<()>,
    pub on_draft: Callback<()>,
    pub on_submit: Callback<()>,
}

#[function_component(Recap)]
pub fn recap(props: &Props) -> Html {
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let before = match &props.person {
        Some(name) => vec![Detail::new("Personne concernée", name.clone())],
        None => Vec::new(),
    };
    let busy = props.sending.is_some();
    html! {
        <section class="card recap-step" aria-labelledby="step-title" aria-busy={busy.to_string()}>
            <h2 id="step-title" tabindex="-1">{ "Récapitulatif de la demande" }</h2>
            <p class="hint">{ "Vérifiez vos réponses avant d'enregistrer la demande." }</p>
            <Answers form={props.form.clone()} answers={props.answers.clone()} {before}
                names={names(&props.form, &props.answers, &props.members, &props.addresses)} />
            <ProblemAlert problem={props.problem.clone()} />
            <div class="actions">
                <button type="button" id="request-edit" class="button button--secondary" disabled={busy}
                    onclick={emit(&props.on_edit)}>{ "Modifier les informations" }</button>
                if props.can_draft {
                    <button type="button" id="request-save-draft" class="button button--secondary" disabled={busy}
                        onclick={emit(&props.on_draft)}>
                        { if props.sending == Some(Sending::Draft) { "Enregistrement…" } else { "Enregistrer en brouillon" } }
                    </button>
                }
                <button type="button" id="request-submit" class="button" disabled={busy}
                    onclick={emit(&props.on_submit)}>
                    { if props.sending == Some(Sending::Request) { "Enregistrement…" } else { "Enregistrer la demande" } }
                </button>
            </div>
        </section>
    }
}

/// How the answers given by id read: the household's people, the holder's addresses.
fn names(
    form: &FormDefinition,
    answers: &AnswerMap,
    members: &[Member],
    addresses: &[Address],
) -> BTreeMap<String, String> {
    form.fields()
        .filter_map(|f| {
            let id = answers.get(&f.name)?.as_i64()?;
            let name = match f.kind {
                FieldKind::Child | FieldKind::Adult => members
                    .iter()
                    .find(|m| m.person_id.0 == id)
                    .map(Member::display_name),
                FieldKind::Address => addresses
                    .iter()
                    .find(|a| a.id.0 == id)
                    .map(Address::one_line),
                _ => None,
            }?;
            Some((f.name.clone(), name))
        })
        .collect()
}
