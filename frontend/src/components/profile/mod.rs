//! The cards of a profile ("Mon profil"), shared by the citizen's page and the agents'
//! household page (read-only there): civil and social data, contacts, addresses,
//! household, schooled children, activities, relations.

pub mod activities;
pub mod address_form;
pub mod addresses;
pub mod child_records;
pub mod civil;
pub mod contacts;
pub mod documents;
pub mod email;
pub mod health;
pub mod household;
pub mod read_only;
pub mod relations;
pub mod schooling;
pub mod social;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

/// The sentence of the read-only cards: changes are asked to the town hall.
pub(crate) fn request_note(
    what: &'static str,
    procedure: &'static str,
    slug: &'static str,
) -> Html {
    html! {
        <p class="notice">
            { format!("Pour modifier {what}, faites la demande à la mairie avec la démarche ") }
            <Link<Route> to={Route::Procedure { slug: slug.to_string() }}>{ format!("« {procedure} »") }</Link<Route>>
            { "." }
        </p>
    }
}

/// "Mettre à jour mes informations personnelles", for civil and social data.
pub(crate) fn personal_data_note(what: &'static str) -> Html {
    request_note(
        what,
        "Mettre à jour mes informations personnelles",
        "mise-a-jour-informations-personnelles",
    )
}
