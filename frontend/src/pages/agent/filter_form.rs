//! "Filtrer les demandes": status, procedure, dates and person. The form starts from
//! the filter in the page's address and hands back a new one (first page).

use domain::catalogue::Catalogue;
use domain::request::{RequestFilter, RequestStatus};
use validator::Validate;
use yew::prelude::*;

use crate::components::date_field::{DateField, DateParts};
use crate::components::field::TextField;
use crate::components::select_field::SelectField;
use crate::forms::{optional_text, FieldErrors};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub filter: RequestFilter,
    pub catalogue: Option<Catalogue>,
    pub on_search: Callback<RequestFilter>,
}

#[function_component(FilterForm)]
pub fn filter_form(props: &Props) -> Html {
    let f = &props.filter;
    let status = use_state(|| f.status.map(|s| s.as_str().to_string()).unwrap_or_default());
    let procedure = use_state(|| f.procedure.clone().unwrap_or_default());
    let from = use_state(|| f.from.map(DateParts::of).unwrap_or_default());
    let to = use_state(|| f.to.map(DateParts::of).unwrap_or_default());
    let person = use_state(|| f.person.clone().unwrap_or_default());
    let errors = use_state(FieldErrors::default);

    let onsubmit = {
        let (status, procedure, from, to, person, errors, on_search) = (
            status.clone(),
            procedure.clone(),
            from.clone(),
            to.clone(),
            person.clone(),
            errors.clone(),
            props.on_search.clone(),
        );
        let per_page = f.per_page;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut found = FieldErrors::default();
            let mut date = |id: &str, value: &DateParts| match value.parse() {
                None => None,
                Some(Ok(date)) => Some(date),
                Some(Err(code)) => {
                    found.push(id, code);
                    None
                }
            };
            let filter = RequestFilter {
                status: RequestStatus::parse(&status),
                procedure: optional_text(&procedure),
                from: date("filter_from", &from),
                to: date("filter_to", &to),
                person: optional_text(&person),
                page: None,
                per_page,
            };
            if filter.validate().is_err() {
                found.push("filter_person", "too_long");
            }
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            errors.set(FieldErrors::default());
            on_search.emit(filter);
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let set_date = |state: &UseStateHandle<DateParts>| {
        let state = state.clone();
        Callback::from(move |v: DateParts| state.set(v))
    };
    let statuses: Vec<(AttrValue, AttrValue)> = RequestStatus::ALL
        .into_iter()
        .filter(|s| *s != RequestStatus::Draft)
        .map(|s| (AttrValue::Static(s.as_str()), AttrValue::Static(s.label())))
        .collect();
    let procedures: Vec<(AttrValue, AttrValue)> = props
        .catalogue
        .iter()
        .flat_map(|c| c.categories.iter())
        .flat_map(|c| c.procedures.iter())
        .map(|p| {
            (
                AttrValue::from(p.slug.clone()),
                AttrValue::from(p.title.clone()),
            )
        })
        .collect();
    html! {
        <form class="card filters" {onsubmit} novalidate=true role="search" aria-label="Filtrer les demandes">
            <fieldset class="filter-fields">
                <legend>{ "Filtrer les demandes" }</legend>
                <SelectField id="filter_status" label="Statut" value={(*status).clone()} options={statuses}
                    onchange={set(&status)} placeholder="Tous les statuts" />
                <SelectField id="filter_procedure" label="Démarche" value={(*procedure).clone()} options={procedures}
                    onchange={set(&procedure)} placeholder="Toutes les démarches" />
                <DateField prefix="filter_from" legend="Du" value={(*from).clone()}
                    onchange={set_date(&from)} error={errors.get("filter_from")} />
                <DateField prefix="filter_to" legend="Au" value={(*to).clone()}
                    onchange={set_date(&to)} error={errors.get("filter_to")} />
                <TextField id="filter_person" label="Personne" value={(*person).clone()} oninput={set(&person)}
                    hint="Une partie du nom de la personne concernée ou du demandeur." autocomplete="off"
                    error={errors.get("filter_person")} />
            </fieldset>
            <div class="actions">
                <button type="submit" id="filter-submit" class="button">{ "Rechercher" }</button>
            </div>
        </form>
    }
}
