//! "Mes adresses": every address as the post writes it; "Détails" lists them with
//! "Modifier" and "Supprimer" and opens "Ajouter une adresse". Deleting asks first, in
//! the page. After a change we read the addresses again: the server decides which one is
//! the default (the first one, or another one when the default goes).

use domain::ids::AddressId;
use domain::profile::Address;
use yew::prelude::*;

use super::address_form::AddressForm;
use crate::api::client::Authed;
use crate::api::profile as api;
use crate::components::disclosure::Disclosure;
use crate::components::problem_alert::ProblemAlert;
use crate::focus::focus_soon;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub addresses: Vec<Address>,
    #[prop_or_default]
    pub on_change: Callback<Vec<Address>>,
    /// An agent's view: no edit controls, no "Mes".
    #[prop_or_default]
    pub read_only: bool,
}

/// Which form is open under the list.
#[derive(Clone, Copy, PartialEq)]
enum Editing {
    Closed,
    New,
    Address(AddressId),
}

#[function_component(AddressesCard)]
pub fn addresses_card(props: &Props) -> Html {
    let session = use_session();
    let editing = use_state(|| Editing::Closed);
    let confirming = use_state(|| None::<AddressId>);
    let status = use_state(|| None::<String>);
    let submit = use_submit();

    let on_toggle = {
        let (editing, confirming, status, submit) = (
            editing.clone(),
            confirming.clone(),
            status.clone(),
            submit.clone(),
        );
        Callback::from(move |_| {
            editing.set(Editing::Closed);
            confirming.set(None);
            status.set(None);
            submit.clear();
        })
    };
    let open_form = |target: Editing| {
        let (editing, confirming, status, submit) = (
            editing.clone(),
            confirming.clone(),
            status.clone(),
            submit.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            confirming.set(None);
            status.set(None);
            submit.clear();
            editing.set(target);
        })
    };
    let on_close = {
        let editing = editing.clone();
        Callback::from(move |_| {
            // Back to the button that opened the form.
            focus_soon(match *editing {
                Editing::Address(id) => format!("#address-edit-{id}"),
                _ => "#address-add".to_string(),
            });
            editing.set(Editing::Closed);
        })
    };
    let on_saved = {
        let (editing, status, on_change, authed) = (
            editing.clone(),
            status.clone(),
            props.on_change.clone(),
            session.authed(),
        );
        let current = props.addresses.clone();
        Callback::from(move |saved: Address| {
            let added = *editing == Editing::New;
            let mut local = current.clone();
            match local.iter_mut().find(|a| a.id == saved.id) {
                Some(a) => *a = saved.clone(),
                None => local.push(saved.clone()),
            }
            editing.set(Editing::Closed);
            status.set(Some(if added {
                format!("L'adresse « {} » a été ajoutée.", saved.name)
            } else {
                format!("L'adresse « {} » a été enregistrée.", saved.name)
            }));
            let (authed, on_change) = (authed.clone(), on_change.clone());
            wasm_bindgen_futures::spawn_local(async move {
                on_change.emit(reloaded(&authed, local).await);
                focus_soon(format!("#address-edit-{}", saved.id));
            });
        })
    };
    let ask_delete = |id: AddressId| {
        let (confirming, editing, status, submit) = (
            confirming.clone(),
            editing.clone(),
            status.clone(),
            submit.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            editing.set(Editing::Closed);
            status.set(None);
            submit.clear();
            confirming.set(Some(id));
            focus_soon("#address-delete-confirm");
        })
    };
    let cancel_delete = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = *confirming {
                focus_soon(format!("#address-delete-{id}"));
            }
            confirming.set(None);
        })
    };
    let confirm_delete = {
        let (confirming, status, submit, on_change, authed) = (
            confirming.clone(),
            status.clone(),
            submit.clone(),
            props.on_change.clone(),
            session.authed(),
        );
        let current = props.addresses.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(id) = *confirming else { return };
            if !submit.begin() {
                return;
            }
            let name = current
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default();
            let local: Vec<Address> = current.iter().filter(|a| a.id != id).cloned().collect();
            let (confirming, status, on_change, authed) = (
                confirming.clone(),
                status.clone(),
                on_change.clone(),
                authed.clone(),
            );
            submit.send(
                async move {
                    let answer = api::delete_address(&authed, id).await;
                    confirming.set(None);
                    if answer.is_err() {
                        focus_soon(format!("#address-delete-{id}"));
                    }
                    answer?;
                    Ok(reloaded(&authed, local).await)
                },
                move |addresses| {
                    status.set(Some(format!("L'adresse « {name} » a été supprimée.")));
                    on_change.emit(addresses);
                    focus_soon("#address-add");
                },
            );
        })
    };
    let deleting = submit.sending();

    let addresses = &props.addresses;
    let list = html! {
        <>
            if !addresses.is_empty() {
                <ul class="address-list">
                    { for addresses.iter().map(|a| html! {
                        <li key={a.id.get()}>
                            <p class="address-line">
                                <strong>{ a.name.clone() }</strong>
                                if a.is_default { { " (adresse par défaut)" } }
                                { format!(" : {}", one_line(a)) }
                            </p>
                            if *confirming == Some(a.id) {
                                <div class="confirm" role="group" aria-labelledby="address-delete-question">
                                    <p id="address-delete-question" class="confirm-question">{ "Supprimer cette adresse ?" }</p>
                                    <div class="actions">
                                        <button type="button" id="address-delete-confirm" class="button button--danger"
                                            aria-describedby="address-delete-question" disabled={deleting}
                                            onclick={confirm_delete.clone()}>
                                            { if deleting { "Suppression…" } else { "Supprimer" } }
                                        </button>
                                        <button type="button" id="address-delete-cancel" class="button button--secondary"
                                            onclick={cancel_delete.clone()}>{ "Annuler" }</button>
                                    </div>
                                </div>
                            } else {
                                <div class="actions">
                                    <button type="button" id={format!("address-edit-{}", a.id)} class="button button--secondary"
                                        aria-label={format!("Modifier {}", a.name)}
                                        aria-expanded={if *editing == Editing::Address(a.id) { "true" } else { "false" }}
                                        onclick={open_form(Editing::Address(a.id))}>{ "Modifier" }</button>
                                    <button type="button" id={format!("address-delete-{}", a.id)} class="button button--secondary"
                                        aria-label={format!("Supprimer {}", a.name)}
                                        onclick={ask_delete(a.id)}>{ "Supprimer" }</button>
                                </div>
                            }
                        </li>
                    }) }
                </ul>
            }
            <ProblemAlert problem={submit.problem()} />
            <button type="button" id="address-add" class="button"
                aria-expanded={if *editing == Editing::New { "true" } else { "false" }}
                onclick={open_form(Editing::New)}>{ "Ajouter une adresse" }</button>
            { match *editing {
                Editing::Closed => html! {},
                Editing::New => html! {
                    <AddressForm key="new" first={addresses.is_empty()} on_saved={on_saved.clone()} on_close={on_close.clone()} />
                },
                Editing::Address(id) => html! {
                    <AddressForm key={id.to_string()} address={addresses.iter().find(|a| a.id == id).cloned()}
                        on_saved={on_saved.clone()} on_close={on_close.clone()} />
                },
            } }
        </>
    };
    html! {
        <section class="card" aria-labelledby="addresses-title">
            <h2 id="addresses-title">{ if props.read_only { "Adresses" } else { "Mes adresses" } }</h2>
            if addresses.is_empty() {
                <p><i>{ "Aucune adresse enregistrée." }</i></p>
            }
            { for addresses.iter().map(postal) }
            if !props.read_only {
                <Disclosure id="addresses-details" context="Mes adresses" {on_toggle}>
                    { list }
                </Disclosure>
            }
            <div role="status" id="addresses-status" class={classes!(status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*status { <p>{ message.clone() }</p> }
            </div>
        </section>
    }
}

/// An address as the manuals show it: its name, then the lines of the envelope.
fn postal(a: &Address) -> Html {
    html! {
        <div class="postal-address">
            <p class="address-title">
                <strong>{ a.name.clone() }</strong>
                if a.is_default { { " (adresse par défaut)" } }
                { " :" }
            </p>
            <address>
                { for a.lines().into_iter().enumerate().map(|(i, line)| html! {
                    <>
                        if i > 0 { <br /> }
                        { line }
                    </>
                }) }
            </address>
        </div>
    }
}

fn one_line(a: &Address) -> String {
    a.lines().join(", ")
}

/// The addresses as stored; `fallback` (our own guess) if they cannot be read again.
async fn reloaded(authed: &Authed, fallback: Vec<Address>) -> Vec<Address> {
    api::profile(authed)
        .await
        .map(|p| p.addresses)
        .unwrap_or(fallback)
}
