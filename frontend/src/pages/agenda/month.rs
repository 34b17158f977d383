//! The month view of the manuals: a week number column "Sem.", Monday to Sunday, each day
//! with its number, its state in words after an icon, and the name of its holiday. A day
//! with units is a button that opens it below.

use chrono::{Datelike, NaiveDate};
use domain::agenda::{Agenda, AgendaDay};
use domain::catalogue::BookedColour;
use yew::prelude::*;

use crate::hooks::use_commune;

use super::words::{day_state, long_date, WEEKDAYS};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub agenda: Agenda,
    /// A day of the month shown (days of other months are told apart).
    pub month: NaiveDate,
    /// "décembre 2026", "Semaine 50 : …".
    pub caption: AttrValue,
    pub selected: Option<NaiveDate>,
    pub on_select: Callback<NaiveDate>,
}

fn cell(props: &Props, day: &AgendaDay) -> Html {
    let (icon, words) = day_state(day.state);
    let other_month = day.date.month() != props.month.month();
    let class = classes!(
        "day",
        format!("day--{}", day.state.as_str()),
        other_month.then_some("day--other-month"),
        (props.selected == Some(day.date)).then_some("day--selected"),
    );
    let content = html! {
        <>
            <span class="sr-only">{ format!("{}, ", long_date(day.date)) }</span>
            <span class="day-number">{ day.date.day() }</span>
            if !icon.is_empty() {
                <span class="day-icon" aria-hidden="true">{ icon }</span>
            }
            <span class="day-state">{ words }</span>
            if let Some(label) = &day.label {
                <span class="day-label">{ label.clone() }</span>
            }
        </>
    };
    if day.units.is_empty() {
        return html! { <td {class}>{ content }</td> };
    }
    let onclick = {
        let (cb, date) = (props.on_select.clone(), day.date);
        Callback::from(move |_: MouseEvent| cb.emit(date))
    };
    html! {
        <td {class}>
            <button type="button" id={format!("day-{}", day.date)} class="day-button"
                aria-pressed={(props.selected == Some(day.date)).to_string()} {onclick}>
                { content }
            </button>
        </td>
    }
}

#[function_component(MonthView)]
pub fn month_view(props: &Props) -> Html {
    let commune = use_commune();
    let weeks: Vec<&[AgendaDay]> = props.agenda.days.chunks(7).collect();
    html! {
        <table class={classes!("agenda-month", (commune.booked_colour() == BookedColour::Red).then_some("agenda-month--booked-red"))} id="agenda-month">
            <caption class="sr-only">{ format!("Agenda de {}, {}", props.agenda.person_name, props.caption) }</caption>
            <thead>
                <tr>
                    <th scope="col"><abbr title="Semaine">{ "Sem." }</abbr></th>
                    { for WEEKDAYS.iter().map(|d| html! { <th scope="col">{ *d }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for weeks.iter().map(|week| html! {
                    <tr>
                        <th scope="row" class="week-number">{ week[0].week }</th>
                        { for week.iter().map(|day| cell(props, day)) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
