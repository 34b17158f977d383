//! Step 1: the identity form, checked with the domain's rules on "Suivant".

use domain::civility::Civility;
use domain::problem::Problem;
use yew::prelude::*;

use super::draft::{Draft, FIELDS};
use crate::components::captcha::Captcha;
use crate::components::checkbox::Checkbox;
use crate::components::date_field::{DateField, DateParts};
use crate::components::error_summary::ErrorSummary;
use crate::components::field::TextField;
use crate::components::problem_alert::ProblemAlert;
use crate::components::select_field::SelectField;
use crate::forms::FieldErrors;
use crate::hooks::use_captcha::CaptchaHandle;

pub const TERMS: &str = "J'accepte les conditions générales d'utilisation du site";
pub const CONSENT: &str = "Je consens à l'utilisation de mes données personnelles dans le cadre de cette démarche en ligne, conformément au Règlement Général de Protection des Données (RGPD)";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: Draft,
    pub on_change: Callback<Draft>,
    pub errors: FieldErrors,
    pub attempt: u32,
    /// What went wrong for the whole form (the captcha check could not be made).
    pub problem: Option<Problem>,
    /// The captcha is being checked.
    pub sending: bool,
    pub captcha: CaptchaHandle,
    pub on_next: Callback<()>,
    pub on_cancel: Callback<MouseEvent>,
}

#[function_component(RegistrationForm)]
pub fn registration_form(props: &Props) -> Html {
    let draft = &props.draft;
    // One callback per text field, each updating its own part of the draft.
    let text = |update: fn(&mut Draft, String)| {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = draft.clone();
            update(&mut next, value);
            on_change.emit(next);
        })
    };
    let flag = |update: fn(&mut Draft, bool)| {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |value: bool| {
            let mut next = draft.clone();
            update(&mut next, value);
            on_change.emit(next);
        })
    };
    let on_date = {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |birth_date: DateParts| {
            on_change.emit(Draft {
                birth_date,
                ..draft.clone()
            })
        })
    };
    let onsubmit = {
        let on_next = props.on_next.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_next.emit(());
        })
    };
    let born_in_france = draft
        .request(props.captcha.answer(&draft.captcha_answer))
        .born_in_france();
    let civilities: Vec<(AttrValue, AttrValue)> = Civility::ALL
        .into_iter()
        .map(|c| (AttrValue::Static(c.as_str()), AttrValue::Static(c.label())))
        .collect();
    let e = &props.errors;

    html! {
        <>
            <ErrorSummary items={e.summary(&FIELDS)} attempt={props.attempt} />
            <ProblemAlert problem={props.problem.clone()} />
            <form class="card" {onsubmit} novalidate=true>
                <h2 id="step-title" tabindex="-1">{ "1 - Identité" }</h2>
                <p class="hint">{ "Saisie des informations d'identité nécessaires à la création du compte" }</p>
                <p class="hint">{ "Les champs marqués d'un astérisque (*) sont obligatoires." }</p>
                <SelectField id="civility" label="Civilité" value={draft.civility.clone()} options={civilities}
                    onchange={text(|d, v| d.civility = v)} required=true error={e.get("civility")} />
                <TextField id="birth_name" label="Nom de naissance" value={draft.birth_name.clone()}
                    oninput={text(|d, v| d.birth_name = v)} required=true autocomplete="family-name" error={e.get("birth_name")} />
                <TextField id="first_name" label="Prénom" value={draft.first_name.clone()}
                    oninput={text(|d, v| d.first_name = v)} required=true autocomplete="given-name" error={e.get("first_name")} />
                <TextField id="second_first_name" label="2nd prénom" value={draft.second_first_name.clone()}
                    oninput={text(|d, v| d.second_first_name = v)} autocomplete="additional-name" error={e.get("second_first_name")} />
                <TextField id="third_first_name" label="3ème prénom" value={draft.third_first_name.clone()}
                    oninput={text(|d, v| d.third_first_name = v)} autocomplete="off" error={e.get("third_first_name")} />
                <DateField prefix="birth" legend="Date de naissance" birthday=true value={draft.birth_date.clone()}
                    onchange={on_date} required=true error={e.get("birth_day")} />
                <TextField id="birth_country" label="Pays de naissance" value={draft.birth_country.clone()}
                    oninput={text(|d, v| d.birth_country = v)} required=true autocomplete="off" error={e.get("birth_country")} />
                <TextField id="birth_city" label="Commune de naissance" value={draft.birth_city.clone()}
                    oninput={text(|d, v| d.birth_city = v)} required=true autocomplete="off" error={e.get("birth_city")} />
                <TextField id="birth_department" label="Département de naissance" value={draft.birth_department.clone()}
                    oninput={text(|d, v| d.birth_department = v)} required={born_in_france} autocomplete="off"
                    hint="Numéro du département, par exemple 59, 2A ou 974." error={e.get("birth_department")} />
                <TextField id="email" label="Email" input_type="email" value={draft.email.clone()}
                    oninput={text(|d, v| d.email = v)} required=true autocomplete="email" error={e.get("email")} />
                <Captcha captcha={props.captcha.clone()} answer={draft.captcha_answer.clone()}
                    oninput={text(|d, v| d.captcha_answer = v)} error={e.get("captcha_answer")} />
                <p class="hint">
                    <a id="terms-link" href="/conditions-generales" target="_blank" rel="noopener">
                        { "Lire les conditions générales d'utilisation" }
                        <span class="sr-only">{ " (s'ouvre dans un nouvel onglet)" }</span>
                    </a>
                    <span aria-hidden="true">{ " (nouvel onglet)" }</span>
                </p>
                <Checkbox id="terms_accepted" label={TERMS} checked={draft.terms_accepted}
                    onchange={flag(|d, v| d.terms_accepted = v)} required=true error={e.get("terms_accepted")} />
                <Checkbox id="privacy_consent" label={CONSENT} checked={draft.privacy_consent}
                    onchange={flag(|d, v| d.privacy_consent = v)} required=true error={e.get("privacy_consent")} />
                <div class="actions">
                    <button type="button" id="registration-cancel" class="button button--secondary" onclick={props.on_cancel.clone()}>
                        <span aria-hidden="true">{ "✕ " }</span>{ "Annuler la demande" }
                    </button>
                    <button type="submit" id="registration-next" class="button" disabled={props.sending}>
                        { "Suivant" }<span aria-hidden="true">{ " ›" }</span>
                    </button>
                </div>
            </form>
        </>
    }
}
