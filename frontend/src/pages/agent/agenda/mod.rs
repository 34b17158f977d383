//! The agents' Agenda: a day's units (open or why not, places, waiting list, attendance
//! recorded), each opening its list. The day lives in the address (`?jour=`), so a reload
//! or a shared link shows the same day.

mod attendance;
pub mod book_for;
mod cancel;
pub mod roster;

use chrono::{Days, NaiveDate};
use domain::agenda::UnitDaySummary;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::agent_agenda;
use crate::components::agent_nav::AgentNav;
use crate::components::date_field::{DateField, DateParts};
use crate::components::load_error::{loading, LoadError};
use crate::components::require_login::RequireLogin;
use crate::components::route_link::RouteLink;
use crate::hooks::use_fetch::use_fetch_fresh;
use crate::hooks::{use_page_title, use_session};
use crate::pages::agenda::words::weekday_date;
use crate::route::{DayQuery, Route};

/// The day the address names, or today.
#[hook]
pub fn use_day() -> NaiveDate {
    let location = use_location();
    location
        .and_then(|l| l.query::<DayQuery>().ok())
        .and_then(|q| q.jour)
        .unwrap_or_else(crate::dates::today)
}

/// Goes to `route` for `day`.
pub fn go_to_day(navigator: &Option<Navigator>, route: Route, day: NaiveDate) {
    if let Some(navigator) = navigator {
        let _ = navigator.push_with_query(&route, &DayQuery { jour: Some(day) });
    }
}

#[function_component(AgentAgenda)]
pub fn agent_agenda() -> Html {
    use_page_title("Agenda des activités");
    html! {
        <RequireLogin>
            <div class="container page">
                <AgentNav />
                <h1 tabindex="-1">{ "Agenda des activités" }</h1>
                <DayView />
            </div>
        </RequireLogin>
    }
}

#[derive(Properties, PartialEq)]
pub struct DayNavProps {
    pub day: NaiveDate,
    /// Where the day's buttons lead.
    pub route: Route,
}

/// "‹ Jour précédent", "Aujourd'hui", "Jour suivant ›" and a day to type.
#[function_component(DayNav)]
pub fn day_nav(props: &DayNavProps) -> Html {
    let navigator = use_navigator();
    let typed = use_state(|| DateParts::of(props.day));
    let error = use_state(|| None::<&'static str>);
    {
        let typed = typed.clone();
        use_effect_with(props.day, move |day| typed.set(DateParts::of(*day)));
    }
    let to = |day: NaiveDate| {
        let (navigator, route) = (navigator.clone(), props.route.clone());
        Callback::from(move |_: MouseEvent| go_to_day(&navigator, route.clone(), day))
    };
    let onsubmit = {
        let (navigator, route, typed, error) = (
            navigator.clone(),
            props.route.clone(),
            typed.clone(),
            error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match typed.parse() {
                Some(Ok(day)) => {
                    error.set(None);
                    go_to_day(&navigator, route.clone(), day);
                }
                _ => error.set(Some("Indiquez une date valide (jj/mm/aaaa).")),
            }
        })
    };
    let onchange = {
        let typed = typed.clone();
        Callback::from(move |parts: DateParts| typed.set(parts))
    };
    let day = props.day;
    html! {
        <div class="no-print">
            <nav class="agenda-nav" aria-label="Changer de jour">
                <button type="button" id="day-previous" class="button button--secondary" onclick={to(day - Days::new(1))}>
                    <span aria-hidden="true">{ "‹ " }</span>{ "Jour précédent" }
                </button>
                <button type="button" id="day-today" class="button button--secondary" onclick={to(crate::dates::today())}>
                    { "Aujourd'hui" }
                </button>
                <button type="button" id="day-next" class="button button--secondary" onclick={to(day + Days::new(1))}>
                    { "Jour suivant" }<span aria-hidden="true">{ " ›" }</span>
                </button>
            </nav>
            <form class="subform" {onsubmit} novalidate=true>
                <DateField prefix="jour" legend="Autre jour" value={(*typed).clone()} {onchange}
                    error={(*error).map(AttrValue::from)} />
                <button type="submit" id="day-show" class="button button--secondary">{ "Afficher ce jour" }</button>
            </form>
        </div>
    }
}

#[function_component(DayView)]
fn day_view() -> Html {
    let session = use_session();
    let day = use_day();
    let units = {
        let authed = session.authed();
        use_fetch_fresh(day, move |day| {
            let authed = authed.clone();
            async move { agent_agenda::day(&authed, day).await }
        })
    };
    html! {
        <>
            <DayNav {day} route={Route::AgentAgenda} />
            <section aria-labelledby="day-title" aria-busy={units.is_none().to_string()}>
                <h2 id="day-title">{ capitalised(&weekday_date(day)) }</h2>
                { match &*units {
                    None => loading("Chargement…"),
                    Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
                    Some(Ok(units)) => table(units, day),
                } }
            </section>
        </>
    }
}

/// "Jeudi 03/12/2026".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "12 / 20 places", "12 (sans limite)".
pub fn places(booked: u32, capacity: Option<u32>) -> String {
    match capacity {
        Some(capacity) => format!("{booked} / {capacity} places"),
        None => format!("{booked} (sans limite)"),
    }
}

fn table(units: &[UnitDaySummary], day: NaiveDate) -> Html {
    html! {
        <div class="table-wrapper">
            <table class="table stacked-table" id="day-units">
                <caption class="sr-only">{ "Activités du jour" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Activité" }</th>
                        <th scope="col">{ "Ouverture" }</th>
                        <th scope="col">{ "Réservés" }</th>
                        <th scope="col">{ "Liste d'attente" }</th>
                        <th scope="col">{ "Présences pointées" }</th>
                        <th scope="col"><span class="sr-only">{ "Liste" }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for units.iter().map(|u| {
                        let id = format!("{}-{}", u.activity, u.unit);
                        html! {
                            <tr key={id.clone()} id={format!("unit-{id}")}>
                                <th scope="row">{ u.title.clone() }</th>
                                <td data-label="Ouverture">{ u.closure.clone().unwrap_or_else(|| "Ouvert".into()) }</td>
                                <td data-label="Réservés">{ places(u.booked, u.capacity) }</td>
                                <td data-label="Liste d'attente">{ u.waiting_count }</td>
                                <td data-label="Présences pointées">{ format!("{} / {}", u.recorded, u.booked) }</td>
                                <td class="row-actions">
                                    <RouteLink id={format!("open-{id}")}
                                        to={Route::AgentUnitDay { activity: u.activity.clone(), unit: u.unit.clone() }}
                                        query={vec![("jour", day.to_string())]}>
                                        { "Voir la liste" }<span class="sr-only">{ format!(" {}", u.title) }</span>
                                    </RouteLink>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
