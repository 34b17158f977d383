//! The health permission of a staff account, in words, with "Autoriser" / "Retirer":
//! who may read the children's health information (each reading is logged).

use domain::staff::{StaffMember, StaffPermission};
use yew::prelude::*;

use crate::api::agent;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub member: StaffMember,
    /// The account as changed, with what to announce.
    pub on_changed: Callback<(StaffMember, String)>,
}

pub fn has_health(member: &StaffMember) -> bool {
    member.permissions.contains(&StaffPermission::Health)
}

#[function_component(HealthPermission)]
pub fn health_permission(props: &Props) -> Html {
    let session = use_session();
    let id = props.member.id;
    let button = format!("#staff-health-{id}");
    let submit = use_submit().refocusing(button.clone());
    let granted = has_health(&props.member);
    let onclick = {
        let (submit, authed, on_changed) =
            (submit.clone(), session.authed(), props.on_changed.clone());
        let name = props.member.display_name();
        Callback::from(move |_: MouseEvent| {
            if !submit.begin() {
                return;
            }
            let (authed, on_changed, name) = (authed.clone(), on_changed.clone(), name.clone());
            submit.send(
                async move { agent::set_health_permission(&authed, id, !granted).await },
                move |changed| {
                    let news = if granted {
                        format!("{name} ne peut plus lire les informations de santé.")
                    } else {
                        format!("{name} peut lire les informations de santé ; chaque consultation est enregistrée.")
                    };
                    on_changed.emit((changed, news));
                },
            );
        })
    };
    html! {
        <div class="permission">
            <span id={format!("staff-health-state-{id}")}>
                if granted {
                    <span aria-hidden="true">{ "✓ " }</span>{ "Autorisé" }
                } else {
                    <span aria-hidden="true">{ "⊘ " }</span>{ "Non autorisé" }
                }
            </span>
            { " " }
            <button type="button" id={format!("staff-health-{id}")} class="button button--secondary"
                disabled={submit.sending()} {onclick}>
                { if granted { "Retirer" } else { "Autoriser" } }
                <span class="sr-only">{ format!(" l'accès aux informations de santé à {}", props.member.display_name()) }</span>
            </button>
            if let Some(problem) = submit.problem() {
                <p class="field-error" role="alert">{ problem.title.clone() }</p>
            }
        </div>
    }
}
