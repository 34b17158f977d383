//! "Justificatifs à valider": the documents families sent, the oldest first, filtered by
//! state and type; each can be looked at in the page, then validated (until a date the
//! agent may change) or refused with a reason the family receives.

mod review;

use domain::document::{DocumentFilter, DocumentStatus};
use domain::messages::field_message;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api::documents;
use crate::components::agent_nav::AgentNav;
use crate::components::date_field::{DateField, DateParts};
use crate::components::field::TextField;
use crate::components::load_error::{loading, LoadError};
use crate::components::require_login::RequireLogin;
use crate::hooks::use_fetch::use_fetch_fresh;
use crate::hooks::{use_page_title, use_session};

#[function_component(AgentDocuments)]
pub fn agent_documents() -> Html {
    use_page_title("Justificatifs à valider");
    html! {
        <RequireLogin>
            <div class="container page">
                <AgentNav />
                <h1 tabindex="-1">{ "Justificatifs" }</h1>
                <Queue />
            </div>
        </RequireLogin>
    }
}

fn state_label(status: DocumentStatus) -> &'static str {
    match status {
        DocumentStatus::Pending => "En attente de validation",
        DocumentStatus::Valid => "Validés",
        DocumentStatus::Refused => "Refusés",
    }
}

#[function_component(Queue)]
fn queue() -> Html {
    let session = use_session();
    let filter = use_state(|| DocumentFilter {
        status: Some(DocumentStatus::Pending),
        ..Default::default()
    });
    let version = use_state(|| 0u32);
    let authed = session.authed();
    let page = use_fetch_fresh(((*filter).clone(), *version), move |(filter, _)| {
        let authed = authed.clone();
        async move { documents::queue(&authed, &filter).await }
    });
    let authed = session.authed();
    let types = crate::hooks::use_fetch::use_fetch((), move |()| {
        let authed = authed.clone();
        async move { documents::types(&authed).await }
    });
    let on_status = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(DocumentFilter {
                status: DocumentStatus::parse(&value),
                page: None,
                ..(*filter).clone()
            });
        })
    };
    let on_type = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            filter.set(DocumentFilter {
                document_type: (!value.is_empty()).then_some(value),
                page: None,
                ..(*filter).clone()
            });
        })
    };
    let from = use_state(DateParts::default);
    let to = use_state(DateParts::default);
    let dates_error = use_state(|| None::<AttrValue>);
    let postal_code = use_state(String::new);
    let postal_error = use_state(|| None::<AttrValue>);
    let on_postal = {
        let postal_code = postal_code.clone();
        Callback::from(move |v: String| postal_code.set(v))
    };
    let set_date = |state: &UseStateHandle<DateParts>| {
        let state = state.clone();
        Callback::from(move |parts: DateParts| state.set(parts))
    };
    let apply_dates = {
        let (filter, from, to, dates_error) = (
            filter.clone(),
            from.clone(),
            to.clone(),
            dates_error.clone(),
        );
        let (postal_code, postal_error) = (postal_code.clone(), postal_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (start, end) = (from.parse(), to.parse());
            let bad_dates = matches!(start, Some(Err(_))) || matches!(end, Some(Err(_)));
            dates_error.set(bad_dates.then_some(AttrValue::Static("Date invalide.")));
            let code = postal_code.trim().to_string();
            let bad_code =
                !code.is_empty() && (code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()));
            postal_error
                .set(bad_code.then(|| AttrValue::Static(field_message("invalid_postal_code"))));
            if bad_dates || bad_code {
                return;
            }
            filter.set(DocumentFilter {
                from: start.and_then(Result::ok),
                to: end.and_then(Result::ok),
                postal_code: (!code.is_empty()).then_some(code),
                page: None,
                ..(*filter).clone()
            });
        })
    };
    let on_reviewed = {
        let version = version.clone();
        Callback::from(move |()| version.set(*version + 1))
    };
    let type_options = types
        .as_ref()
        .and_then(|t| t.as_ref().ok())
        .cloned()
        .unwrap_or_default();
    let body = match &*page {
        None => loading("Chargement des justificatifs…"),
        Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
        Some(Ok(found)) if found.items.is_empty() => {
            html! { <p role="status">{ "Aucun justificatif ne correspond à ces critères." }</p> }
        }
        Some(Ok(found)) => html! {
            <>
                <p role="status">{ format!("{} justificatif(s)", found.total) }</p>
                <ul class="review-list">
                    { for found.items.iter().map(|d| html! {
                        <li key={d.id.get()}>
                            <review::Review document={d.clone()} on_reviewed={on_reviewed.clone()} />
                        </li>
                    }) }
                </ul>
            </>
        },
    };
    html! {
        <>
            <form class="card filters" aria-label="Filtrer les justificatifs" onsubmit={apply_dates}>
                <div class="field">
                    <label for="documents-status-filter">{ "État" }</label>
                    <select id="documents-status-filter" onchange={on_status}>
                        { for DocumentStatus::ALL.iter().map(|s| html! {
                            <option value={s.as_str()} selected={filter.status == Some(*s)}>{ state_label(*s) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="documents-type-filter">{ "Type de justificatif" }</label>
                    <select id="documents-type-filter" onchange={on_type}>
                        <option value="" selected={filter.document_type.is_none()}>{ "Tous" }</option>
                        { for type_options.iter().map(|t| html! {
                            <option value={t.slug.clone()} selected={filter.document_type.as_deref() == Some(t.slug.as_str())}>{ t.name.clone() }</option>
                        }) }
                    </select>
                </div>
                <DateField prefix="documents-from" legend="Déposés à partir du" value={(*from).clone()}
                    onchange={set_date(&from)} error={(*dates_error).clone()} />
                <DateField prefix="documents-to" legend="Jusqu'au" value={(*to).clone()}
                    onchange={set_date(&to)} />
                <TextField id="documents-postal-code" label="Code postal du foyer" value={(*postal_code).clone()}
                    oninput={on_postal} inputmode="numeric" autocomplete="off"
                    hint="Où vit la famille (adresse du titulaire du compte), ex. : 59920."
                    error={(*postal_error).clone()} />
                <div class="actions">
                    <button type="submit" id="documents-dates-apply" class="button button--secondary">{ "Appliquer les filtres" }</button>
                </div>
            </form>
            <section aria-busy={page.is_none().to_string()} aria-label="Justificatifs">{ body }</section>
        </>
    }
}
