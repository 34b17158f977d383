//! "Enfants scolarisés du foyer": the children's school year, establishment, level and
//! class; the table behind "Détails"; for the family, each enrolment's certificate (PDF).

use domain::problem::Problem;
use domain::profile::SchoolEnrolment;
use yew::prelude::*;

use crate::api::client::local_problem;
use crate::api::profile as api;
use crate::components::detail_list::value_or_unset;
use crate::components::disclosure::Disclosure;
use crate::components::problem_alert::ProblemAlert;
use crate::download;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub enrolments: Vec<SchoolEnrolment>,
    /// An agent's view: no certificate to download (it is the family's).
    #[prop_or_default]
    pub read_only: bool,
}

#[function_component(SchoolingCard)]
pub fn schooling_card(props: &Props) -> Html {
    let body = if props.enrolments.is_empty() {
        html! { <p><i>{ "Aucun enfant scolarisé." }</i></p> }
    } else {
        html! {
            <>
                <ul class="people">
                    { for props.enrolments.iter().map(|e| html! {
                        <li key={e.id.get()}>
                            { format!("{} — {} ({})", e.child_name, e.establishment, e.school_year) }
                            if !props.read_only {
                                <CertificateButton enrolment={e.clone()} />
                            }
                        </li>
                    }) }
                </ul>
                <Disclosure id="schooling-details" context="Enfants scolarisés du foyer">
                    <div class="table-wrapper">
                        <table class="table stacked-table">
                            <caption>{ "Enfants scolarisés du foyer" }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ "Enfant" }</th>
                                    <th scope="col">{ "Année scolaire" }</th>
                                    <th scope="col">{ "Établissement" }</th>
                                    <th scope="col">{ "Niveau" }</th>
                                    <th scope="col">{ "Classe" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for props.enrolments.iter().map(|e| html! {
                                    <tr>
                                        <th scope="row" data-label="Enfant">{ e.child_name.clone() }</th>
                                        <td data-label="Année scolaire">{ e.school_year.clone() }</td>
                                        <td data-label="Établissement">{ e.establishment.clone() }</td>
                                        <td data-label="Niveau">{ e.level.clone() }</td>
                                        <td data-label="Classe">{ value_or_unset(e.class_name.as_deref()) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </Disclosure>
            </>
        }
    };
    html! {
        <section class="card" aria-labelledby="schooling-title">
            <h2 id="schooling-title">{ "Enfants scolarisés du foyer" }</h2>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CertificateProps {
    enrolment: SchoolEnrolment,
}

/// "Télécharger le certificat d'inscription": fetched with the bearer token, then saved
/// under the server's file name.
#[function_component(CertificateButton)]
fn certificate_button(props: &CertificateProps) -> Html {
    let session = use_session();
    let e = &props.enrolment;
    // Disabled while fetching, the button may have lost the focus.
    let submit = use_submit().refocusing(format!("#certificate-{}", e.id));
    let onclick = {
        let (submit, id) = (submit.clone(), e.id);
        Callback::from(move |_: MouseEvent| {
            if !submit.begin() {
                return;
            }
            let authed = session.authed();
            submit.send(
                async move {
                    let certificate = api::enrolment_certificate(&authed, id).await?;
                    download::save(&certificate.pdf, &certificate.file_name)
                        .map_err(|_| not_saved())
                },
                |()| {},
            );
        })
    };
    let busy = submit.sending();
    html! {
        <div class="certificate no-print">
            <button type="button" id={format!("certificate-{}", e.id)} class="button button--secondary"
                disabled={busy} {onclick}>
                if busy {
                    { "Téléchargement…" }
                } else {
                    { "Télécharger le certificat d'inscription" }
                }
                <span class="sr-only">{ format!(" de {} ({})", e.child_name, e.school_year) }</span>
            </button>
            <ProblemAlert problem={submit.problem()} />
        </div>
    }
}

/// The browser refused to save the file.
fn not_saved() -> Problem {
    Problem {
        detail: Some(
            "Le certificat n'a pas pu être enregistré sur votre appareil. Veuillez réessayer."
                .to_string(),
        ),
        ..local_problem("download_failed", 0)
    }
}
