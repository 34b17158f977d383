//! "Agenda": "Agenda de" any person of the household, the month view of the manuals with
//! "‹ › Aujourd'hui", a legend, the day opened to book or cancel each unit, and the
//! history of the actions for the month shown.

mod bulk;
mod day;
mod feed;
mod history;
mod month;
mod views;
pub mod words;

use chrono::NaiveDate;
use domain::ids::PersonId;
use domain::profile::MemberRole;
use yew::prelude::*;

use crate::api::{agenda, profile};
use crate::components::load_error::{loading, LoadError};
use crate::components::require_login::RequireLogin;
use crate::components::select_field::SelectField;
use crate::focus::focus_soon;
use crate::hooks::use_fetch::use_fetch;
use crate::hooks::{use_page_title, use_session};
use day::DayPanel;
use month::MonthView;
use views::View;

#[function_component(AgendaPage)]
pub fn agenda_page() -> Html {
    use_page_title("Agenda");
    html! {
        <RequireLogin>
            <div class="container page">
                <h1 tabindex="-1">{ "Agenda" }</h1>
                <AgendaBody />
            </div>
        </RequireLogin>
    }
}

/// The legend: each state's icon and words, in its colour.
fn legend(red: bool) -> Html {
    let items = [
        ("bookable", "○", "Réservable"),
        ("booked", "✓", "Réservé (ou en liste d'attente)"),
        (
            "today",
            "●",
            "Aujourd'hui : rien ne se modifie le jour même",
        ),
        ("unavailable", "–", "Non réservable (délai, inscription)"),
        (
            "closed",
            "✕",
            "Fermé (jour férié, vacances, pas d'activité)",
        ),
    ];
    html! {
        <ul class={classes!("plain-list", "agenda-legend", red.then_some("agenda-month--booked-red"))} aria-label="Légende">
            { for items.iter().map(|(state, icon, words)| html! {
                <li class={format!("legend-item day--{state}")}>
                    <span class="day-icon" aria-hidden="true">{ *icon }</span>{ format!(" {words}") }
                </li>
            }) }
        </ul>
    }
}

#[function_component(AgendaBody)]
fn agenda_body() -> Html {
    let session = use_session();
    let use_red =
        crate::hooks::use_commune().booked_colour() == domain::catalogue::BookedColour::Red;
    let authed = session.authed();
    let household = use_fetch((), move |()| {
        let authed = authed.clone();
        async move { profile::profile(&authed).await.map(|p| p.household) }
    });
    let members = match &*household {
        Some(Ok(members)) => members.clone(),
        _ => Vec::new(),
    };
    let chosen = use_state(|| None::<PersonId>);
    // The first child by default (the agendas the families open), else the first person.
    let person = (*chosen).or_else(|| {
        members
            .iter()
            .find(|m| m.role == MemberRole::Child)
            .or(members.first())
            .map(|m| m.person_id)
    });
    let anchor = use_state(crate::dates::today);
    let view = use_state(|| View::Month);
    let selected = use_state(|| None::<NaiveDate>);
    let reload = use_state(|| 0u32);
    let status = use_state(|| None::<String>);
    let grouped = use_state(|| false);
    let (from, to) = view.range(*anchor);
    let authed = session.authed();
    let days = use_fetch((person, from, to, *reload), move |(person, from, to, _)| {
        let authed = authed.clone();
        async move {
            match person {
                Some(p) => agenda::days(&authed, p, from, to).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let authed = session.authed();
    let events = use_fetch((person, from, to, *reload), move |(person, from, to, _)| {
        let authed = authed.clone();
        async move {
            match person {
                Some(p) => agenda::history(&authed, p, from, to).await,
                None => Ok(Vec::new()),
            }
        }
    });

    let on_person = {
        let (chosen, selected, status) = (chosen.clone(), selected.clone(), status.clone());
        Callback::from(move |value: String| {
            chosen.set(value.parse().ok());
            selected.set(None);
            status.set(None);
        })
    };
    let go = |to: NaiveDate, day: Option<NaiveDate>| {
        let (anchor, selected, status) = (anchor.clone(), selected.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            anchor.set(to);
            selected.set(day);
            status.set(None);
        })
    };
    let today = crate::dates::today();
    let previous = go(view.step(*anchor, false), None);
    let next = go(view.step(*anchor, true), None);
    let this_month = go(today, Some(today));
    let (back_words, forth_words) = view.arrows();
    let switch = |to: View| {
        let (view, selected) = (view.clone(), selected.clone());
        let anchor = *anchor;
        Callback::from(move |_: MouseEvent| {
            view.set(to);
            selected.set((to == View::Day).then_some(anchor));
        })
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |day: NaiveDate| {
            selected.set(Some(day));
            focus_soon("#agenda-day-title");
        })
    };
    let on_changed = {
        let (status, reload) = (status.clone(), reload.clone());
        Callback::from(move |message: String| {
            status.set(Some(message));
            reload.set(*reload + 1);
            focus_soon("#agenda-day-title");
        })
    };
    let on_grouped = {
        let (status, reload, grouped) = (status.clone(), reload.clone(), grouped.clone());
        Callback::from(move |message: String| {
            status.set(Some(message));
            reload.set(*reload + 1);
            grouped.set(false);
            focus_soon("#agenda-status");
        })
    };
    let open_grouped = {
        let grouped = grouped.clone();
        Callback::from(move |_: MouseEvent| {
            grouped.set(!*grouped);
            if !*grouped {
                focus_soon("#bulk-title");
            }
        })
    };
    let options: Vec<(AttrValue, AttrValue)> = members
        .iter()
        .map(|m| {
            (
                AttrValue::from(m.person_id.to_string()),
                AttrValue::from(m.display_name()),
            )
        })
        .collect();
    let calendar = match (&*days, person) {
        (_, None) if household.is_some() => {
            html! { <p>{ "Aucune personne dans votre foyer." }</p> }
        }
        (Some(Ok(Some(agenda))), Some(p)) => {
            let day = (*selected).and_then(|d| agenda.days.iter().find(|x| x.date == d).cloned());
            html! {
                <>
                    if *view != View::Day {
                        <MonthView agenda={agenda.clone()} month={*anchor} caption={view.title(*anchor)} selected={*selected} {on_select} />
                    }
                    if *view == View::Day && agenda.days.first().is_some_and(|d| d.units.is_empty()) {
                        <p id="agenda-no-unit">{ format!("Aucune activité ce jour-là{}.", agenda.days[0].label.as_ref().map(|l| format!(" ({l})")).unwrap_or_default()) }</p>
                    }
                    if let Some(day) = day.filter(|d| !d.units.is_empty()) {
                        <DayPanel agenda={agenda.clone()} {day} person={p} {on_changed} />
                    }
                </>
            }
        }
        (Some(Err(problem)), _) => html! { <LoadError problem={problem.clone()} /> },
        _ => loading("Chargement de l'agenda…"),
    };
    html! {
        <>
            <section class="card agenda" aria-label="Calendrier des réservations">
                <SelectField id="agenda-person" label="Agenda de" value={person.map(|p| p.to_string()).unwrap_or_default()}
                    {options} onchange={on_person} />
                <div class="agenda-nav">
                    <button type="button" class="button button--secondary" id="agenda-previous" aria-label={back_words} onclick={previous}>{ "‹" }</button>
                    <button type="button" class="button button--secondary" id="agenda-next" aria-label={forth_words} onclick={next}>{ "›" }</button>
                    <button type="button" class="button button--secondary" id="agenda-today" onclick={this_month}>{ "Aujourd'hui" }</button>
                    <button type="button" class="button button--secondary" id="agenda-bulk" aria-expanded={grouped.to_string()}
                        aria-controls="bulk" onclick={open_grouped}>{ "Saisie groupée" }</button>
                    <h2 id="agenda-title" aria-live="polite">{ view.title(*anchor) }</h2>
                </div>
                <ul class="plain-list agenda-views" aria-label="Vue">
                    { for View::ALL.iter().map(|(v, code, words)| html! {
                        <li>
                            <button type="button" class="button button--secondary" id={format!("agenda-view-{code}")}
                                aria-pressed={(*view == *v).to_string()} onclick={switch(*v)}>{ *words }</button>
                        </li>
                    }) }
                </ul>
                { legend(use_red) }
                <p role="status" id="agenda-status" class="notice-line" tabindex="-1">
                    if let Some(message) = &*status { { message.clone() } }
                </p>
                { calendar }
            </section>
            if let (true, Some(p), Some(Ok(Some(a)))) = (*grouped, person, &*days) {
                <bulk::BulkForm members={members.clone()} units={a.units.clone()} person={p} on_done={on_grouped} />
            }
            if let Some(Ok(events)) = &*events {
                <history::History events={events.clone()} />
            }
            <feed::Feed />
        </>
    }
}
