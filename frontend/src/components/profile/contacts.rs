//! "Mes informations de contact": the phone numbers and the e-mail; "Détails" opens the
//! form for the numbers, "Modifier mon adresse e-mail" the one for the address. The API
//! answers with the numbers as stored ("06 06 06 06 06"), which the card and the form then
//! show; the address shown only changes once the new one is confirmed.

use domain::problem::Problem;
use domain::profile::{Contacts, ContactsInput};
use validator::Validate;
use yew::prelude::*;

use super::email::EmailForm;
use crate::api::profile as api;
use crate::components::detail_list::{Detail, DetailList};
use crate::components::disclosure::Disclosure;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::focus::focus_soon;
use crate::forms::{optional_text, FieldErrors};
use crate::hooks::use_session;

const FIELDS: [(&str, &str); 3] = [
    ("landline", "Téléphone fixe"),
    ("mobile", "Téléphone portable"),
    ("work_phone", "Téléphone professionnel"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub contacts: Contacts,
    #[prop_or_default]
    pub on_saved: Callback<Contacts>,
    /// An agent's view: no edit controls, no "Mes".
    #[prop_or_default]
    pub read_only: bool,
}

#[function_component(ContactsCard)]
pub fn contacts_card(props: &Props) -> Html {
    let c = &props.contacts;
    html! {
        <section class="card" aria-labelledby="contacts-title">
            <h2 id="contacts-title">{ if props.read_only { "Informations de contact" } else { "Mes informations de contact" } }</h2>
            <h3>{ "Téléphone(s)" }</h3>
            <DetailList items={vec![
                Detail::new("Téléphone fixe", c.landline.clone()),
                Detail::new("Téléphone portable", c.mobile.clone()),
                Detail::new("Téléphone professionnel", c.work_phone.clone()),
            ]} />
            <h3>{ "Courriel" }</h3>
            <DetailList items={vec![Detail::new("Courriel", Some(c.email.clone()))]} />
            if !props.read_only {
                <Disclosure id="email-change" button_id="email-open" label="Modifier mon adresse e-mail">
                    <EmailForm />
                </Disclosure>
                <Disclosure id="contacts-details" context="Mes informations de contact">
                    <ContactsForm contacts={c.clone()} on_saved={props.on_saved.clone()} />
                </Disclosure>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    contacts: Contacts,
    on_saved: Callback<Contacts>,
}

#[function_component(ContactsForm)]
fn contacts_form(props: &FormProps) -> Html {
    let session = use_session();
    let c = &props.contacts;
    let landline = use_state(|| c.landline.clone().unwrap_or_default());
    let mobile = use_state(|| c.mobile.clone().unwrap_or_default());
    let work_phone = use_state(|| c.work_phone.clone().unwrap_or_default());
    let errors = use_state(FieldErrors::default);
    let attempt = use_state(|| 0u32);
    let problem = use_state(|| None::<Problem>);
    let sending = use_state(|| false);
    let done = use_state(|| false);

    let onsubmit = {
        let (landline, mobile, work_phone) = (landline.clone(), mobile.clone(), work_phone.clone());
        let (errors, attempt, problem, sending, done) = (
            errors.clone(),
            attempt.clone(),
            problem.clone(),
            sending.clone(),
            done.clone(),
        );
        let on_saved = props.on_saved.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *sending {
                return;
            }
            problem.set(None);
            done.set(false);
            let request = ContactsInput {
                landline: optional_text(&landline),
                mobile: optional_text(&mobile),
                work_phone: optional_text(&work_phone),
            };
            if let Err(invalid) = request.validate() {
                errors.set(FieldErrors::from_validation(&invalid));
                attempt.set(*attempt + 1);
                return;
            }
            errors.set(FieldErrors::default());
            sending.set(true);
            let authed = session.authed();
            let (landline, mobile, work_phone) =
                (landline.clone(), mobile.clone(), work_phone.clone());
            let (errors, attempt, problem, sending, done, on_saved) = (
                errors.clone(),
                attempt.clone(),
                problem.clone(),
                sending.clone(),
                done.clone(),
                on_saved.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let answer = api::update_contacts(&authed, &request).await;
                sending.set(false);
                match answer {
                    Ok(saved) => {
                        landline.set(saved.landline.clone().unwrap_or_default());
                        mobile.set(saved.mobile.clone().unwrap_or_default());
                        work_phone.set(saved.work_phone.clone().unwrap_or_default());
                        on_saved.emit(saved);
                        done.set(true);
                        // The button was disabled while sending, which drops the focus.
                        focus_soon("#contacts-submit");
                    }
                    Err(p) if !p.errors.is_empty() => {
                        errors.set(FieldErrors::from_problem(&p));
                        attempt.set(*attempt + 1);
                    }
                    Err(p) => {
                        problem.set(Some(p));
                        focus_soon("#contacts-submit");
                    }
                }
            });
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let phone = |id: &'static str, label: &'static str, state: &UseStateHandle<String>| {
        html! {
            <TextField id={id} label={label} input_type="tel" autocomplete="tel" inputmode="tel"
                value={(**state).clone()} oninput={set(state)} error={errors.get(id)} />
        }
    };
    html! {
        <form class="subform" onsubmit={onsubmit} novalidate=true aria-labelledby="contacts-form-title">
            <h3 id="contacts-form-title">{ "Modifier mes numéros de téléphone" }</h3>
            <p class="hint">{ "Laissez un numéro vide pour l'effacer." }</p>
            <ErrorSummary id="contacts-errors" items={errors.summary(&FIELDS)} attempt={*attempt} />
            <ProblemAlert problem={(*problem).clone()} />
            { phone("landline", "Téléphone fixe", &landline) }
            { phone("mobile", "Téléphone portable", &mobile) }
            { phone("work_phone", "Téléphone professionnel", &work_phone) }
            <button type="submit" id="contacts-submit" class="button" disabled={*sending}>
                { if *sending { "Enregistrement…" } else { "Enregistrer" } }
            </button>
            <div role="status" id="contacts-status" class={classes!(done.then_some("alert alert--success"))}>
                if *done { <p>{ "Vos informations de contact ont été enregistrées." }</p> }
            </div>
        </form>
    }
}
