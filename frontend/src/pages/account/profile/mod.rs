//! "Mon profil", as in the manuals: one card per part of the profile, each with its
//! "Détails". Civil data, social data and the household change through a request to the
//! town hall; the phone numbers and the addresses are changed here. The page loads the
//! profile once and the cards hand their changes back up, so every card shows what is
//! stored.

mod password;

use domain::profile::{Address, Contacts, Profile as ProfileData};
use yew::prelude::*;

use crate::api::profile as api;
use crate::components::problem_alert::ProblemAlert;
use crate::components::profile::{
    activities, addresses, child_records, civil, contacts, documents, health, household, relations,
    schooling, social,
};
use crate::components::require_login::RequireLogin;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::{use_page_title, use_session};

#[function_component(Profile)]
pub fn profile() -> Html {
    use_page_title("Mon profil");
    html! { <RequireLogin><ProfileView /></RequireLogin> }
}

#[function_component(ProfileView)]
fn profile_view() -> Html {
    let session = use_session();
    let authed = session.authed();
    let profile = use_fetch((), move |()| {
        let authed = authed.clone();
        async move { api::profile(&authed).await }
    });
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
                    <documents::LibraryCard members={data.household.clone()} />
                    <household::HouseholdCard members={data.household.clone()} />
                    <schooling::SchoolingCard enrolments={data.schooled_children.clone()} />
                    <activities::ActivitiesCard enrolments={data.activities.clone()} />
                    <child_records::ChildRecordsCard contacts={data.child_contacts.clone()} authorisations={data.authorisations.clone()}
                        transports={data.transports.clone()} />
                    <health::HealthCard lines={data.health.clone()} withheld={data.health_withheld} />
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
