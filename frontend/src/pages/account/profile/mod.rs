//! "Mon profil", as in the manuals: one card per part of the profile, each with its
//! "Détails". Civil data, social data and the household change through a request to the
//! town hall; the phone numbers and the addresses are changed here. The page loads the
//! profile once and the cards hand their changes back up, so every card shows what is
//! stored.

mod address_form;
mod addresses;
mod civil;
mod contacts;
mod email;
mod household;
mod password;
pub mod read_only;
mod relations;
mod schooling;
mod social;

use domain::problem::Problem;
use domain::profile::{Address, Contacts, Profile as ProfileData};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::profile as api;
use crate::components::problem_alert::ProblemAlert;
use crate::components::require_login::RequireLogin;
use crate::hooks::{use_page_title, use_session};
use crate::route::Route;

#[function_component(Profile)]
pub fn profile() -> Html {
    use_page_title("Mon profil");
    html! { <RequireLogin><ProfileView /></RequireLogin> }
}

#[function_component(ProfileView)]
fn profile_view() -> Html {
    let session = use_session();
    let profile = use_state(|| None::<Result<ProfileData, Problem>>);
    {
        let (profile, authed) = (profile.clone(), session.authed());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                profile.set(Some(api::profile(&authed).await));
            });
        });
    }
    let body = match &*profile {
        None => html! { <p class="loading">{ "Chargement de votre profil…" }</p> },
        Some(Err(problem)) => html! { <ProblemAlert problem={Some(problem.clone())} /> },
        Some(Ok(data)) => {
            let on_contacts = {
                let profile = profile.clone();
                Callback::from(move |contacts: Contacts| {
                    if let Some(Ok(current)) = &*profile {
                        profile.set(Some(Ok(ProfileData {
                            contacts,
                            ..current.clone()
                        })));
                    }
                })
            };
            let on_addresses = {
                let profile = profile.clone();
                Callback::from(move |addresses: Vec<Address>| {
                    if let Some(Ok(current)) = &*profile {
                        profile.set(Some(Ok(ProfileData {
                            addresses,
                            ..current.clone()
                        })));
                    }
                })
            };
            html! {
                <>
                    <civil::CivilCard civil={data.civil.clone()} />
                    <social::SocialCard social={data.social.clone()} />
                    <contacts::ContactsCard contacts={data.contacts.clone()} on_saved={on_contacts} />
                    <addresses::AddressesCard addresses={data.addresses.clone()} on_change={on_addresses} />
                    <household::HouseholdCard members={data.household.clone()} />
                    <schooling::SchoolingCard enrolments={data.schooled_children.clone()} />
                    <relations::RelationsCard relations={data.relations.clone()} />
                </>
            }
        }
    };
    html! {
        <div class="container page narrow">
            <h1 tabindex="-1">{ "Mon profil" }</h1>
            <div class="profile-cards" aria-busy={if profile.is_none() { "true" } else { "false" }}>
                { body }
            </div>
            <password::ChangePassword />
        </div>
    }
}

/// The sentence of the read-only cards: changes are asked to the town hall.
fn request_note(what: &'static str, procedure: &'static str, slug: &'static str) -> Html {
    html! {
        <p class="notice">
            { format!("Pour modifier {what}, faites la demande à la mairie avec la démarche ") }
            <Link<Route> to={Route::Procedure { slug: slug.to_string() }}>{ format!("« {procedure} »") }</Link<Route>>
            { "." }
        </p>
    }
}

/// "Mettre à jour mes informations personnelles", for civil and social data.
fn personal_data_note(what: &'static str) -> Html {
    request_note(
        what,
        "Mettre à jour mes informations personnelles",
        "mise-a-jour-informations-personnelles",
    )
}
