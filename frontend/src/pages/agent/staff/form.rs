//! "Nouvel agent": the new agent or admin receives a link to choose a password.

use domain::auth::Role;
use domain::civility::Civility;
use domain::staff::{NewStaff, StaffCreated};
use validator::Validate;
use yew::prelude::*;

use crate::api::agent;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::components::select_field::SelectField;
use crate::focus::focus_soon;
use crate::forms::FieldErrors;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

const FIELDS: [(&str, &str); 5] = [
    ("civility", "Civilité"),
    ("first_name", "Prénom"),
    ("birth_name", "Nom"),
    ("email", "Courriel"),
    ("role", "Rôle"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Told when an account was created, so the list shows it.
    pub on_created: Callback<()>,
}

#[function_component(StaffForm)]
pub fn staff_form(props: &Props) -> Html {
    let session = use_session();
    let civility = use_state(String::new);
    let first_name = use_state(String::new);
    let birth_name = use_state(String::new);
    let email = use_state(String::new);
    let role = use_state(|| Role::Agent.as_str().to_string());
    let submit = use_submit().refocusing("#staff-submit");
    let created = use_state(|| None::<StaffCreated>);

    let onsubmit = {
        let (civility, first_name, birth_name, email, role) = (
            civility.clone(),
            first_name.clone(),
            birth_name.clone(),
            email.clone(),
            role.clone(),
        );
        let (submit, created, authed) = (submit.clone(), created.clone(), session.authed());
        let on_created = props.on_created.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            created.set(None);
            let mut found = FieldErrors::default();
            let chosen_civility = Civility::parse(&civility);
            let chosen_role = Role::parse(&role).filter(|r| *r != Role::Citizen);
            if chosen_civility.is_none() {
                found.push("civility", "required");
            }
            if chosen_role.is_none() {
                found.push("role", "required");
            }
            let staff = NewStaff {
                civility: chosen_civility.unwrap_or(Civility::Madame),
                first_name: first_name.trim().to_string(),
                birth_name: birth_name.trim().to_string(),
                email: email.trim().to_string(),
                role: chosen_role.unwrap_or(Role::Agent),
            };
            if let Err(invalid) = staff.validate() {
                for e in domain::validation::field_errors(&invalid) {
                    found.push(&e.field, &e.code);
                }
            }
            if !found.is_empty() {
                submit.invalid(found);
                return;
            }
            let (first_name, birth_name, email, civility) = (
                first_name.clone(),
                birth_name.clone(),
                email.clone(),
                civility.clone(),
            );
            let (created, authed, on_created) =
                (created.clone(), authed.clone(), on_created.clone());
            submit.send(
                async move { agent::create_staff(&authed, &staff).await },
                move |account| {
                    for field in [&first_name, &birth_name, &email, &civility] {
                        field.set(String::new());
                    }
                    created.set(Some(account));
                    on_created.emit(());
                    focus_soon("#staff-status");
                },
            );
        })
    };
    let errors = submit.errors();
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let civilities: Vec<(AttrValue, AttrValue)> = Civility::ALL
        .into_iter()
        .map(|c| (AttrValue::Static(c.as_str()), AttrValue::Static(c.label())))
        .collect();
    let roles = vec![
        (AttrValue::Static("agent"), AttrValue::Static("Agent")),
        (
            AttrValue::Static("admin"),
            AttrValue::Static("Administrateur"),
        ),
    ];
    html! {
        <>
            <div role="status" id="staff-status" tabindex="-1"
                class={classes!(created.is_some().then_some("alert alert--success"))}>
                if let Some(account) = &*created {
                    <p>{ format!(
                        "Compte créé : identifiant {}. Un lien pour choisir son mot de passe a été envoyé à {}.",
                        account.login, account.email
                    ) }</p>
                }
            </div>
            <ErrorSummary id="staff-errors" items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
            <form class="card" {onsubmit} novalidate=true aria-labelledby="staff-form-title">
                <h2 id="staff-form-title">{ "Nouvel agent" }</h2>
                <p class="hint">{ "Les champs marqués d'un astérisque (*) sont obligatoires. La personne reçoit par courriel un lien pour choisir son mot de passe." }</p>
                <ProblemAlert problem={submit.problem()} />
                <SelectField id="civility" label="Civilité" value={(*civility).clone()} options={civilities}
                    onchange={set(&civility)} required=true error={errors.get("civility")} />
                <TextField id="first_name" label="Prénom" value={(*first_name).clone()} oninput={set(&first_name)}
                    required=true autocomplete="off" error={errors.get("first_name")} />
                <TextField id="birth_name" label="Nom" value={(*birth_name).clone()} oninput={set(&birth_name)}
                    required=true autocomplete="off" error={errors.get("birth_name")} />
                <TextField id="email" label="Courriel" input_type="email" value={(*email).clone()} oninput={set(&email)}
                    required=true autocomplete="off" error={errors.get("email")} />
                <SelectField id="role" label="Rôle" value={(*role).clone()} options={roles}
                    onchange={set(&role)} required=true error={errors.get("role")} />
                <div class="actions">
                    <button type="submit" id="staff-submit" class="button" disabled={submit.sending()}>
                        { if submit.sending() { "Création…" } else { "Créer le compte" } }
                    </button>
                </div>
            </form>
        </>
    }
}
