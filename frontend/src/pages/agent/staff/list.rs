//! The list of "Comptes des agents": name, login, e-mail, role and state in words, with
//! "Désactiver" / "Réactiver" after a confirmation. An administrator's own account has
//! no action (nobody locks themself out). "Données de santé" says who may read the
//! children's health information, with "Autoriser" / "Retirer".

use domain::account::AccountStatus;
use domain::auth::Role;
use domain::ids::AccountId;
use domain::staff::StaffMember;
use yew::prelude::*;

use super::health::HealthPermission;
use crate::api::agent;
use crate::components::problem_alert::ProblemAlert;
use crate::focus::focus_soon;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Changes when an account was created, so the list reloads.
    pub version: u32,
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Admin => "Administrateur",
        Role::Agent => "Agent",
        Role::Citizen => "Usager",
    }
}

fn state_label(status: AccountStatus) -> Html {
    match status {
        AccountStatus::Active => html! { <><span aria-hidden="true">{ "✓ " }</span>{ "Actif" }</> },
        AccountStatus::Disabled => {
            html! { <><span aria-hidden="true">{ "⊘ " }</span>{ "Désactivé" }</> }
        }
        AccountStatus::Pending => {
            html! { <><span aria-hidden="true">{ "… " }</span>{ "En attente" }</> }
        }
    }
}

#[function_component(StaffList)]
pub fn staff_list(props: &Props) -> Html {
    let session = use_session();
    let members = {
        let authed = session.authed();
        use_fetch(props.version, move |_| {
            let authed = authed.clone();
            async move { agent::staff(&authed).await }
        })
    };
    let confirming = use_state(|| None::<AccountId>);
    let submit = use_submit();
    let status = use_state(|| None::<String>);
    let me = session.me().map(|m| m.id);
    let ask = |id: AccountId| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(Some(id));
            focus_soon(format!("#staff-confirm-{id}"));
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(None))
    };
    let change = |member: &StaffMember| {
        let (members, confirming, submit, status, authed) = (
            members.clone(),
            confirming.clone(),
            submit.clone(),
            status.clone(),
            session.authed(),
        );
        let (id, enable, name) = (
            member.id,
            member.status == AccountStatus::Disabled,
            member.display_name(),
        );
        Callback::from(move |_: MouseEvent| {
            if !submit.begin() {
                return;
            }
            let (members, status, name) = (members.clone(), status.clone(), name.clone());
            let (authed, done) = (authed.clone(), confirming.clone());
            submit.send(
                async move {
                    let answer = agent::set_staff_active(&authed, id, enable).await;
                    done.set(None); // the question closes whatever the answer
                    answer
                },
                move |changed| {
                    if let Some(Ok(list)) = &*members {
                        let mut list = list.clone();
                        if let Some(m) = list.iter_mut().find(|m| m.id == changed.id) {
                            *m = changed;
                        }
                        members.set(Some(Ok(list)));
                    }
                    status.set(Some(if enable {
                        format!("Le compte de {name} est réactivé.")
                    } else {
                        format!("Le compte de {name} est désactivé : ses sessions sont fermées.")
                    }));
                    focus_soon("#staff-list-status");
                },
            );
        })
    };
    let on_permission = {
        let (members, status) = (members.clone(), status.clone());
        Callback::from(move |(changed, news): (StaffMember, String)| {
            if let Some(Ok(list)) = &*members {
                let mut list = list.clone();
                if let Some(m) = list.iter_mut().find(|m| m.id == changed.id) {
                    *m = changed;
                }
                members.set(Some(Ok(list)));
            }
            status.set(Some(news));
        })
    };
    let problem = match &*members {
        Some(Err(p)) => Some(p.clone()),
        _ => submit.problem(),
    };
    let busy = submit.sending();
    let rows = members.as_ref().and_then(|m| m.as_ref().ok()).map(|list| {
        list.iter()
            .map(|m| {
                let action = if Some(m.id) == me {
                    html! { <span class="hint">{ "Votre compte" }</span> }
                } else if *confirming == Some(m.id) {
                    let question = if m.status == AccountStatus::Disabled {
                        format!("Réactiver le compte de {} ?", m.display_name())
                    } else {
                        format!("Désactiver le compte de {} ? Ses sessions seront fermées.", m.display_name())
                    };
                    html! {
                        <div class="confirm" role="group" aria-label={question.clone()}>
                            <p>{ question }</p>
                            <button type="button" id={format!("staff-confirm-{}", m.id)} class="button"
                                disabled={busy} onclick={change(m)}>{ "Confirmer" }</button>
                            { " " }
                            <button type="button" class="button button--secondary" onclick={cancel.clone()}>{ "Annuler" }</button>
                        </div>
                    }
                } else {
                    let label = if m.status == AccountStatus::Disabled { "Réactiver" } else { "Désactiver" };
                    html! {
                        <button type="button" id={format!("staff-toggle-{}", m.id)} class="button button--secondary"
                            onclick={ask(m.id)}>
                            { label }<span class="sr-only">{ format!(" le compte de {}", m.display_name()) }</span>
                        </button>
                    }
                };
                html! {
                    <tr key={m.id.get()}>
                        <th scope="row" data-label="Nom">{ m.display_name() }</th>
                        <td data-label="Identifiant">{ m.login.clone() }</td>
                        <td data-label="Courriel">{ m.email.clone() }</td>
                        <td data-label="Rôle">{ role_label(m.role) }</td>
                        <td data-label="État" id={format!("staff-state-{}", m.id)}>{ state_label(m.status) }</td>
                        <td data-label="Données de santé">
                            <HealthPermission member={m.clone()} on_changed={on_permission.clone()} />
                        </td>
                        <td data-label="Action" class="row-actions">{ action }</td>
                    </tr>
                }
            })
            .collect::<Html>()
    });
    html! {
        <section class="card" aria-labelledby="staff-list-title">
            <h2 id="staff-list-title">{ "Comptes des agents" }</h2>
            <div role="status" id="staff-list-status" tabindex="-1"
                class={classes!(status.is_some().then_some("alert alert--success"))}>
                if let Some(text) = &*status { <p>{ text.clone() }</p> }
            </div>
            <ProblemAlert problem={problem.clone()} />
            if let Some(rows) = rows {
                <table class="table stacked-table" id="staff-table">
                    <caption class="sr-only">{ "Comptes des agents et administrateurs" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Nom" }</th>
                            <th scope="col">{ "Identifiant" }</th>
                            <th scope="col">{ "Courriel" }</th>
                            <th scope="col">{ "Rôle" }</th>
                            <th scope="col">{ "État" }</th>
                            <th scope="col">{ "Données de santé" }</th>
                            <th scope="col">{ "Action" }</th>
                        </tr>
                    </thead>
                    <tbody>{ rows }</tbody>
                </table>
            } else if problem.is_none() {
                <p role="status">{ "Chargement des comptes…" }</p>
            }
        </section>
    }
}
