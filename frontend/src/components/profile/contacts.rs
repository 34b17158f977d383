//! "Mes informations de contact": the phone numbers and the e-mail; "Détails" opens the
//! form for the numbers, "Modifier mon adresse e-mail" the one for the address. The API
//! answers with the numbers as stored ("06 06 06 06 06"), which the card and the form then
//! show; the address shown only changes once the new one is confirmed.

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
use crate::forms::{optional_text, FieldErrors};
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

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
    let submit = use_submit().refocusing("#contacts-submit");
    let done = use_state(|| false);

    let onsubmit = {
        let (landline, mobile, work_phone) = (landline.clone(), mobile.clone(), work_phone.clone());
        let (submit, done, on_saved) = (submit.clone(), done.clone(), props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !submit.begin() {
                return;
            }
            done.set(false);
            let request = ContactsInput {
                landline: optional_text(&landline),
                mobile: optional_text(&mobile),
                work_phone: optional_text(&work_phone),
            };
            if let Err(invalid) = request.validate() {
                submit.invalid(FieldErrors::from_validation(&invalid));
                return;
            }
            let authed = session.authed();
            let (landline, mobile, work_phone, done, on_saved) = (
                landline.clone(),
                mobile.clone(),
                work_phone.clone(),
                done.clone(),
                on_saved.clone(),
            );
            submit.send(
                async move { api::update_contacts(&authed, &request).await },
                move |saved| {
                    landline.set(saved.landline.clone().unwrap_or_default());
                    mobile.set(saved.mobile.clone().unwrap_or_default());
                    work_phone.set(saved.work_phone.clone().unwrap_or_default());
                    on_saved.emit(saved);
                    done.set(true);
                },
            );
        })
    };
    let errors = submit.errors();
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
            <ErrorSummary id="contacts-errors" items={errors.summary(&FIELDS)} attempt={submit.attempt()} />
            <ProblemAlert problem={submit.problem()} />
            { phone("landline", "Téléphone fixe", &landline) }
            { phone("mobile", "Téléphone portable", &mobile) }
            { phone("work_phone", "Téléphone professionnel", &work_phone) }
            <button type="submit" id="contacts-submit" class="button" disabled={submit.sending()}>
                { if submit.sending() { "Enregistrement…" } else { "Enregistrer" } }
            </button>
            <div role="status" id="contacts-status" class={classes!(done.then_some("alert alert--success"))}>
                if *done { <p>{ "Vos informations de contact ont été enregistrées." }</p> }
            </div>
        </form>
    }
}
