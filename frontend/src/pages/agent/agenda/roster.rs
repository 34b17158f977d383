//! A unit's list for the day, printable: the booked children by name with the PAI flag,
//! health information noted, the persons authorised to pick them up and the attendance
//! ("Pointer"); then the waiting list in order. Each child can be taken off for the family.

use chrono::NaiveDate;
use domain::agenda::{Roster, RosterChild};
use yew::prelude::*;

use super::attendance::{attendance_words, AttendanceForm};
use super::cancel::CancelBooking;
use super::{capitalised, places, use_day, DayNav};
use crate::api::agent_agenda;
use crate::components::agent_nav::AgentNav;
use crate::components::load_error::{loading, LoadError};
use crate::components::require_login::RequireLogin;
use crate::components::route_link::RouteLink;
use crate::hooks::use_fetch::use_fetch_fresh;
use crate::hooks::{use_page_title, use_session};
use crate::pages::agenda::words::weekday_date;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub activity: AttrValue,
    pub unit: AttrValue,
}

#[function_component(UnitDay)]
pub fn unit_day(props: &Props) -> Html {
    html! {
        <RequireLogin>
            <UnitDayView activity={props.activity.clone()} unit={props.unit.clone()} />
        </RequireLogin>
    }
}

#[function_component(UnitDayView)]
fn unit_day_view(props: &Props) -> Html {
    let session = use_session();
    let day = use_day();
    // Bumped after a change: the list is read again (the page keeps showing it meanwhile).
    let version = use_state(|| 0u32);
    let status = use_state(|| None::<String>);
    let roster = {
        let authed = session.authed();
        let key = (
            props.activity.to_string(),
            props.unit.to_string(),
            day,
            *version,
        );
        use_fetch_fresh(key, move |(activity, unit, day, _)| {
            let authed = authed.clone();
            async move { agent_agenda::unit_day(&authed, &activity, &unit, day).await }
        })
    };
    let title = match &*roster {
        Some(Ok(r)) => format!("{} — {}", r.title, weekday_date(r.day)),
        Some(Err(_)) => "Liste introuvable".to_string(),
        None => "Chargement de la liste…".to_string(),
    };
    use_page_title(&title);
    let on_changed = {
        let (version, status) = (version.clone(), status.clone());
        Callback::from(move |message: String| {
            status.set(Some(message));
            version.set(*version + 1);
            // The row that was acted on may be gone from the list: the message takes the focus.
            crate::focus::focus_soon("#roster-status");
        })
    };
    let route = Route::AgentUnitDay {
        activity: props.activity.to_string(),
        unit: props.unit.to_string(),
    };
    html! {
        <div class="container page">
            <AgentNav />
            <h1 tabindex="-1" id="roster-title">{ title }</h1>
            <DayNav {day} {route} />
            <div role="status" id="roster-status" tabindex="-1" class={classes!("no-print", status.is_some().then_some("alert alert--success"))}>
                if let Some(message) = &*status { <p>{ message.clone() }</p> }
            </div>
            <div aria-busy={roster.is_none().to_string()}>
                { match &*roster {
                    None => loading("Chargement…"),
                    Some(Err(p)) => html! { <LoadError problem={p.clone()} /> },
                    Some(Ok(r)) => body(r, &on_changed),
                } }
            </div>
            <p class="back-link no-print">
                <RouteLink id="back-to-day" to={Route::AgentAgenda} query={vec![("jour", day.to_string())]}>
                    { "Retour aux activités du jour" }
                </RouteLink>
            </p>
        </div>
    }
}

fn print_button() -> Html {
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <button type="button" id="print-roster" class="button button--secondary" {onclick}>
            { "Imprimer la liste" }
        </button>
    }
}

fn body(r: &Roster, on_changed: &Callback<String>) -> Html {
    let today = crate::dates::today();
    html! {
        <>
            <p class="print-only print-header">{ format!("{} — {}", r.title, capitalised(&weekday_date(r.day))) }</p>
            if r.health_withheld {
                <p class="hint no-print" id="roster-health-withheld">{ "Les informations de santé (PAI) ne s'affichent qu'aux agents habilités par un administrateur." }</p>
            }
            if let Some(closure) = &r.closure {
                <p class="notice" id="roster-closure">{ format!("Pas d'accueil ce jour ({closure}).") }</p>
            }
            <p id="roster-count">
                { format!("Réservés : {}", places(r.booked, r.capacity)) }
                { format!(" — liste d'attente : {}", r.waiting_count) }
            </p>
            <div class="actions">{ print_button() }</div>
            <section aria-labelledby="booked-title">
                <h2 id="booked-title">{ "Enfants attendus" }</h2>
                if r.children.is_empty() {
                    <p><i>{ "Aucun enfant réservé ce jour." }</i></p>
                } else {
                    { children_table("booked", &r.children, r.day, today, on_changed) }
                }
            </section>
            <section aria-labelledby="waiting-title">
                <h2 id="waiting-title">{ "Liste d'attente" }</h2>
                if r.waiting.is_empty() {
                    <p><i>{ "Personne en liste d'attente." }</i></p>
                } else {
                    { children_table("waiting", &r.waiting, r.day, today, on_changed) }
                }
            </section>
        </>
    }
}

/// "PAI" and "Informations de santé" in words (never a colour alone); only for agents
/// with the health permission.
fn health(child: &RosterChild) -> Html {
    let (Some(pai), Some(info)) = (child.pai, child.health_info) else {
        return html! { <span>{ "Réservé aux agents habilités" }</span> };
    };
    if !pai && !info {
        return html! { <span>{ "—" }</span> };
    }
    html! {
        <ul class="plain-list">
            if pai {
                <li><strong class="flag flag--pai">{ "⚠ PAI" }</strong>{ " (projet d'accueil individualisé)" }</li>
            }
            if info {
                <li>{ "Informations de santé sur la fiche" }</li>
            }
        </ul>
    }
}

fn pickup(child: &RosterChild) -> Html {
    if child.pickup.is_empty() {
        return html! { <span>{ "Aucune autre personne autorisée sur la fiche" }</span> };
    }
    html! {
        <ul class="plain-list">
            { for child.pickup.iter().map(|p| html! {
                <li>{ format!("{} ({}) — {}", p.name, p.relation, p.phone) }</li>
            }) }
        </ul>
    }
}

fn children_table(
    kind: &'static str,
    children: &[RosterChild],
    day: NaiveDate,
    today: NaiveDate,
    on_changed: &Callback<String>,
) -> Html {
    let waiting = kind == "waiting";
    html! {
        <div class="table-wrapper">
            <table class="table stacked-table" id={format!("roster-{kind}")}>
                <caption class="sr-only">{ if waiting { "Liste d'attente" } else { "Enfants attendus" } }</caption>
                <thead>
                    <tr>
                        if waiting { <th scope="col">{ "N°" }</th> }
                        <th scope="col">{ "Enfant" }</th>
                        <th scope="col">{ "Santé" }</th>
                        <th scope="col">{ "Autorisés à venir le chercher" }</th>
                        if !waiting { <th scope="col">{ "Présence" }</th> }
                        <th scope="col" class="no-print"><span class="sr-only">{ "Actions" }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for children.iter().map(|c| {
                        let born = c.birth_date.map(|d| format!("né(e) le {}", d.format("%d/%m/%Y")));
                        html! {
                            <tr key={c.booking_id.get()} id={format!("child-{}", c.booking_id)}>
                                if waiting {
                                    <td data-label="N°">{ c.position.map(|p| p.to_string()).unwrap_or_default() }</td>
                                }
                                <th scope="row">
                                    { c.name.clone() }
                                    if let Some(born) = born { <br /><span class="hint">{ born }</span> }
                                </th>
                                <td data-label="Santé">{ health(c) }</td>
                                <td data-label="Autorisés à venir le chercher">{ pickup(c) }</td>
                                if !waiting {
                                    <td data-label="Présence">
                                        <p class="attendance-now" id={format!("attendance-now-{}", c.booking_id)}>
                                            { attendance_words(c.attendance.as_ref()) }
                                        </p>
                                        if day <= today {
                                            <AttendanceForm child={c.clone()} on_changed={on_changed.clone()} />
                                        }
                                    </td>
                                }
                                <td class="row-actions no-print">
                                    if c.attendance.is_none() {
                                        <CancelBooking child={c.clone()} {waiting} on_changed={on_changed.clone()} />
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
