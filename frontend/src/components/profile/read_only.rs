//! A household's profile as the agents see it: the citizen's cards, without their
//! "Détails" forms and notes.

use domain::profile::Profile;
use yew::prelude::*;

use super::{
    activities, addresses, child_records, civil, contacts, health, household, relations, schooling,
    social,
};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub profile: Profile,
}

#[function_component(ReadOnlyProfile)]
pub fn read_only_profile(props: &Props) -> Html {
    let p = &props.profile;
    html! {
        <div class="profile-cards">
            <civil::CivilCard civil={p.civil.clone()} read_only=true />
            <social::SocialCard social={p.social.clone()} read_only=true />
            <contacts::ContactsCard contacts={p.contacts.clone()} read_only=true />
            <addresses::AddressesCard addresses={p.addresses.clone()} read_only=true />
            <household::HouseholdCard members={p.household.clone()} read_only=true />
            <schooling::SchoolingCard enrolments={p.schooled_children.clone()} read_only=true />
            <activities::ActivitiesCard enrolments={p.activities.clone()} read_only=true />
            <child_records::ChildRecordsCard contacts={p.child_contacts.clone()} authorisations={p.authorisations.clone()}
                        transports={p.transports.clone()} />
                    <health::HealthCard lines={p.health.clone()} withheld={p.health_withheld} />
            <relations::RelationsCard relations={p.relations.clone()} />
        </div>
    }
}
