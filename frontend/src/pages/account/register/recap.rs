//! Step 2: "Informations de la demande", to read again before saving.

use domain::civility::Civility;
use domain::problem::Problem;
use yew::prelude::*;

use super::draft::Draft;
use crate::components::problem_alert::ProblemAlert;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: Draft,
    pub automatic_check: bool,
    pub problem: Option<Problem>,
    pub sending: bool,
    pub on_cancel: Callback<MouseEvent>,
    pub on_edit: Callback<MouseEvent>,
    pub on_save: Callback<MouseEvent>,
}

#[function_component(Recap)]
pub fn recap(props: &Props) -> Html {
    let d = &props.draft;
    let date = match d.birth_date.parse() {
        Some(Ok(date)) => date.format("%d/%m/%Y").to_string(),
        _ => String::new(),
    };
    let civility = Civility::parse(&d.civility)
        .map(Civility::label)
        .unwrap_or_default();
    let yes = |v: bool| if v { "Oui" } else { "Non" };
    let rows: [(&str, String); 13] = [
        ("Civilité *", civility.to_string()),
        ("Nom de naissance *", d.birth_name.trim().to_string()),
        ("Prénom *", d.first_name.trim().to_string()),
        ("2nd prénom", d.second_first_name.trim().to_string()),
        ("3ème prénom", d.third_first_name.trim().to_string()),
        ("Date de naissance *", date),
        ("Pays de naissance *", d.birth_country.trim().to_string()),
        ("Commune de naissance *", d.birth_city.trim().to_string()),
        (
            "Département de naissance",
            d.birth_department.trim().to_string(),
        ),
        ("Email *", d.email.trim().to_string()),
        (
            "Vérification anti-robot",
            if props.automatic_check {
                "Vérification automatique réussie".into()
            } else {
                "Image recopiée".into()
            },
        ),
        (
            "Conditions générales d'utilisation acceptées",
            yes(d.terms_accepted).into(),
        ),
        ("Consentement RGPD donné", yes(d.privacy_consent).into()),
    ];
    html! {
        <section class="card" aria-labelledby="step-title">
            <h2 id="step-title" tabindex="-1">{ "Informations de la demande" }</h2>
            <h3>{ "1 - Identité" }</h3>
            <p>{ "Demandeur : Nouvel utilisateur" }</p>
            <dl class="recap">
                { for rows.iter().map(|(label, value)| html! {
                    <div class="recap-row">
                        <dt>{ *label }</dt>
                        <dd>{ if value.is_empty() { html! { <span class="muted">{ "Non renseigné" }</span> } } else { html! { value.clone() } } }</dd>
                    </div>
                }) }
            </dl>
            <ProblemAlert problem={props.problem.clone()} />
            <div class="actions">
                <button type="button" id="registration-cancel" class="button button--secondary" onclick={props.on_cancel.clone()}>
                    <span aria-hidden="true">{ "✕ " }</span>{ "Annuler la demande" }
                </button>
                <button type="button" id="registration-edit" class="button button--secondary" onclick={props.on_edit.clone()}>
                    <span aria-hidden="true">{ "‹ " }</span>{ "Modifier les informations" }
                </button>
                <button type="button" id="registration-save" class="button" onclick={props.on_save.clone()} disabled={props.sending}>
                    { if props.sending { "Enregistrement…" } else { "Enregistrer la demande" } }
                </button>
            </div>
        </section>
    }
}
