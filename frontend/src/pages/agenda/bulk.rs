//! "Saisie groupée": usagers, action, période, activités, périodicité, jours de la
//! semaine; "Voir ce qui sera fait" shows the server's report (nothing is changed yet),
//! then "Enregistrer" does exactly that.

use chrono::{Days, NaiveDate};
use domain::agenda::{
    AgendaUnit, BulkAction, BulkBooking, BulkOutcome, BulkReport, Periodicity, UnitRef, WeekDay,
};
use domain::ids::PersonId;
use domain::messages::problem_title;
use domain::profile::Member;
use yew::prelude::*;

use crate::api::agenda;
use crate::components::checkbox::Checkbox;
use crate::components::date_field::{DateField, DateParts};
use crate::components::problem_alert::ProblemAlert;
use crate::components::select_field::SelectField;
use crate::focus::focus_soon;
use crate::hooks::use_session;
use crate::hooks::use_submit::use_submit;

const DAYS: [(WeekDay, &str); 7] = [
    (WeekDay::Mon, "Lundi"),
    (WeekDay::Tue, "Mardi"),
    (WeekDay::Wed, "Mercredi"),
    (WeekDay::Thu, "Jeudi"),
    (WeekDay::Fri, "Vendredi"),
    (WeekDay::Sat, "Samedi"),
    (WeekDay::Sun, "Dimanche"),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub members: Vec<Member>,
    pub units: Vec<AgendaUnit>,
    /// The person whose agenda is shown (ticked at first).
    pub person: PersonId,
    /// Done: what to announce.
    pub on_done: Callback<String>,
}

fn toggle<T: PartialEq + Clone + 'static>(
    list: &UseStateHandle<Vec<T>>,
    item: T,
) -> Callback<bool> {
    let list = list.clone();
    Callback::from(move |on: bool| {
        let mut next: Vec<T> = (*list).iter().filter(|x| **x != item).cloned().collect();
        if on {
            next.push(item.clone());
        }
        list.set(next);
    })
}

fn summary(report: &BulkReport) -> String {
    let verb = if report.applied { "" } else { "seront " };
    format!(
        "{} jour(s) {verb}réservé(s), {} en liste d'attente, {} annulé(s), {} ignoré(s).",
        report.booked, report.waiting, report.cancelled, report.skipped
    )
}

#[function_component(BulkForm)]
pub fn bulk_form(props: &Props) -> Html {
    let session = use_session();
    let submit = use_submit();
    let persons = use_state(|| vec![props.person]);
    let action = use_state(|| BulkAction::Create);
    let tomorrow = crate::dates::today() + Days::new(1);
    let from = use_state(|| DateParts::of(tomorrow));
    let to = use_state(|| DateParts::of(tomorrow + Days::new(27)));
    let units = use_state(Vec::<usize>::new);
    let periodicity = use_state(|| Periodicity::EveryWeek);
    let weekdays = use_state(|| vec![WeekDay::Mon, WeekDay::Tue, WeekDay::Thu, WeekDay::Fri]);
    let report = use_state(|| None::<BulkReport>);
    let invalid = use_state(|| None::<&'static str>);

    let form = {
        let (persons, action, from, to, units, periodicity, weekdays) = (
            persons.clone(),
            action.clone(),
            from.clone(),
            to.clone(),
            units.clone(),
            periodicity.clone(),
            weekdays.clone(),
        );
        let all_units = props.units.clone();
        move |apply: bool| -> Result<BulkBooking, &'static str> {
            let date = |d: &DateParts| -> Result<NaiveDate, &'static str> {
                match d.parse() {
                    Some(Ok(day)) => Ok(day),
                    _ => Err("Indiquez les deux dates de la période (jj/mm/aaaa)."),
                }
            };
            let picked: Vec<UnitRef> = units
                .iter()
                .filter_map(|i| all_units.get(*i))
                .map(|u| UnitRef {
                    activity: u.activity.clone(),
                    unit: u.unit.clone(),
                })
                .collect();
            if persons.is_empty() || picked.is_empty() || weekdays.is_empty() {
                return Err("Cochez au moins un usager, une activité et un jour de la semaine.");
            }
            Ok(BulkBooking {
                persons: (*persons).clone(),
                action: *action,
                from: date(&from)?,
                to: date(&to)?,
                units: picked,
                periodicity: *periodicity,
                weekdays: (*weekdays).clone(),
                apply,
            })
        }
    };
    let send = |apply: bool| {
        let (submit, authed, report, invalid, done, form) = (
            submit.clone(),
            session.authed(),
            report.clone(),
            invalid.clone(),
            props.on_done.clone(),
            form.clone(),
        );
        Callback::from(move |e: Event| {
            e.prevent_default();
            let body = match form(apply) {
                Ok(body) => body,
                Err(why) => {
                    invalid.set(Some(why));
                    focus_soon("#bulk-invalid");
                    return;
                }
            };
            invalid.set(None);
            if !submit.begin() {
                return;
            }
            let (authed, report, done) = (authed.clone(), report.clone(), done.clone());
            submit.send(
                async move { agenda::bulk(&authed, &body).await },
                move |answer| {
                    if answer.applied {
                        done.emit(format!("Saisie groupée enregistrée : {}", summary(&answer)));
                    } else {
                        report.set(Some(answer));
                        focus_soon("#bulk-report-title");
                    }
                },
            );
        })
    };
    let preview = send(false);
    let apply = {
        let apply = send(true);
        Callback::from(move |e: MouseEvent| apply.emit(e.into()))
    };
    let onsubmit = Callback::from(move |e: SubmitEvent| preview.emit(e.into()));
    let name_of = |id: PersonId| {
        props
            .members
            .iter()
            .find(|m| m.person_id == id)
            .map(Member::display_name)
            .unwrap_or_default()
    };
    let action_options = vec![
        (AttrValue::Static("create"), AttrValue::Static("Créer")),
        (AttrValue::Static("delete"), AttrValue::Static("Supprimer")),
    ];
    let periodicity_options = vec![
        (AttrValue::Static("none"), AttrValue::Static("Aucune")),
        (
            AttrValue::Static("every_week"),
            AttrValue::Static("Toutes les semaines"),
        ),
        (
            AttrValue::Static("every_other_week"),
            AttrValue::Static("Une semaine sur deux"),
        ),
        (
            AttrValue::Static("even_weeks"),
            AttrValue::Static("Semaines paires"),
        ),
        (
            AttrValue::Static("odd_weeks"),
            AttrValue::Static("Semaines impaires"),
        ),
    ];
    let on_action = {
        let action = action.clone();
        Callback::from(move |v: String| {
            action.set(BulkAction::parse(&v).unwrap_or(BulkAction::Create))
        })
    };
    let on_periodicity = {
        let periodicity = periodicity.clone();
        Callback::from(move |v: String| {
            periodicity.set(Periodicity::parse(&v).unwrap_or(Periodicity::None))
        })
    };
    let on_date = |state: &UseStateHandle<DateParts>| {
        let state = state.clone();
        Callback::from(move |parts: DateParts| state.set(parts))
    };
    html! {
        <section class="card" id="bulk" aria-labelledby="bulk-title">
            <h2 id="bulk-title" tabindex="-1">{ "Saisie groupée" }</h2>
            <form {onsubmit} novalidate=true>
                <fieldset class="field">
                    <legend>{ "Usagers" }<span class="required" aria-hidden="true">{ " *" }</span></legend>
                    { for props.members.iter().map(|m| html! {
                        <Checkbox id={format!("bulk-person-{}", m.person_id)} label={m.display_name()}
                            checked={persons.contains(&m.person_id)} onchange={toggle(&persons, m.person_id)} />
                    }) }
                </fieldset>
                <SelectField id="bulk-action" label="Action" value={action.as_str()} options={action_options} onchange={on_action} required=true />
                <DateField prefix="bulk-from" legend="Période du" value={(*from).clone()} onchange={on_date(&from)} required=true />
                <DateField prefix="bulk-to" legend="au" value={(*to).clone()} onchange={on_date(&to)} required=true />
                <fieldset class="field">
                    <legend>{ "Activités" }<span class="required" aria-hidden="true">{ " *" }</span></legend>
                    { for props.units.iter().enumerate().map(|(i, u)| html! {
                        <Checkbox id={format!("bulk-unit-{i}")} label={format!("{} : {}", u.activity_name, u.label)}
                            checked={units.contains(&i)} onchange={toggle(&units, i)} />
                    }) }
                </fieldset>
                <SelectField id="bulk-periodicity" label="Périodicité" value={periodicity.as_str()} options={periodicity_options} onchange={on_periodicity} />
                <fieldset class="field">
                    <legend>{ "Jours de la semaine" }<span class="required" aria-hidden="true">{ " *" }</span></legend>
                    { for DAYS.iter().map(|(day, name)| html! {
                        <Checkbox id={format!("bulk-day-{}", day.as_str())} label={*name}
                            checked={weekdays.contains(day)} onchange={toggle(&weekdays, *day)} />
                    }) }
                </fieldset>
                if let Some(why) = *invalid {
                    <p class="field-error" id="bulk-invalid" tabindex="-1" role="alert">{ why }</p>
                }
                <ProblemAlert problem={submit.problem()} />
                <div class="actions">
                    <button type="submit" class="button" id="bulk-preview" disabled={submit.sending()}>
                        { if submit.sending() { "Calcul en cours…" } else { "Voir ce qui sera fait" } }
                    </button>
                </div>
            </form>
            if let Some(r) = &*report {
                <section aria-labelledby="bulk-report-title" id="bulk-report">
                    <h3 id="bulk-report-title" tabindex="-1">{ "Ce qui sera fait" }</h3>
                    <p>{ summary(r) }</p>
                    if r.skipped > 0 {
                        <ul class="plain-list" id="bulk-skipped">
                            { for r.lines.iter().filter(|l| l.outcome == BulkOutcome::Skipped).map(|l| html! {
                                <li>{ format!("{} — {} ({}) : {}", l.day.format("%d/%m/%Y"), name_of(l.person_id), l.activity,
                                    l.reason.as_deref().map(problem_title).unwrap_or_default()) }</li>
                            }) }
                        </ul>
                    }
                    <div class="actions">
                        <button type="button" class="button" id="bulk-apply" disabled={submit.sending()} onclick={apply}>{ "Enregistrer" }</button>
                    </div>
                </section>
            }
        </section>
    }
}
