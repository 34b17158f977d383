//! "Date de naissance": a fieldset of three numeric inputs, Jour / Mois / Année.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field_frame::{describedby, FieldFrame, Layout};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateParts {
    /// `None` while the date is empty; `Some(Err(code))` when it is not a real date.
    pub fn parse(&self) -> Option<Result<chrono::NaiveDate, &'static str>> {
        let parts = [&self.day, &self.month, &self.year];
        if parts.iter().all(|p| p.trim().is_empty()) {
            return None;
        }
        let number = |s: &String| s.trim().parse::<u32>().ok();
        let date = match (number(&self.day), number(&self.month), number(&self.year)) {
            (Some(d), Some(m), Some(y)) if self.year.trim().len() == 4 => {
                chrono::NaiveDate::from_ymd_opt(y as i32, m, d)
            }
            _ => None,
        };
        Some(date.ok_or("invalid_date"))
    }

    pub fn of(date: chrono::NaiveDate) -> DateParts {
        DateParts {
            day: date.format("%d").to_string(),
            month: date.format("%m").to_string(),
            year: date.format("%Y").to_string(),
        }
    }

    /// Back from [`DateParts::to_text`]: an ISO date, or the parts as typed (`j/m/a`).
    pub fn from_text(text: &str) -> DateParts {
        if let Ok(date) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return DateParts::of(date);
        }
        let mut parts = text.splitn(3, '/').map(str::to_string);
        DateParts {
            day: parts.next().unwrap_or_default(),
            month: parts.next().unwrap_or_default(),
            year: parts.next().unwrap_or_default(),
        }
    }

    /// `None` when empty; the ISO date (`YYYY-MM-DD`) when it is one; else the parts as
    /// typed, `j/m/a`, so that the check names the mistake and nothing typed is lost.
    pub fn to_text(&self) -> Option<String> {
        match self.parse()? {
            Ok(date) => Some(date.format("%Y-%m-%d").to_string()),
            Err(_) => Some(format!("{}/{}/{}", self.day, self.month, self.year)),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Prefix of the ids: `birth` gives `birth_day`, `birth_month`, `birth_year`.
    pub prefix: AttrValue,
    pub legend: AttrValue,
    pub value: DateParts,
    pub onchange: Callback<DateParts>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A date of birth: the browser may fill it in.
    #[prop_or_default]
    pub birthday: bool,
}

#[function_component(DateField)]
pub fn date_field(props: &Props) -> Html {
    let id = AttrValue::from(format!("{}_date", props.prefix));
    let hint = AttrValue::Static("Par exemple : 04 03 1988");
    let describedby = describedby(&id, Some(&hint), None, props.error.as_ref());
    let part = |suffix: &'static str, label: &'static str, size: &'static str, value: &String| {
        let id = format!("{}_{suffix}", props.prefix);
        let oninput = {
            let (cb, current) = (props.onchange.clone(), props.value.clone());
            Callback::from(move |e: InputEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = current.clone();
                match suffix {
                    "day" => next.day = v,
                    "month" => next.month = v,
                    _ => next.year = v,
                }
                cb.emit(next);
            })
        };
        let autocomplete = match (props.birthday, suffix) {
            (false, _) => "off",
            (true, "day") => "bday-day",
            (true, "month") => "bday-month",
            (true, _) => "bday-year",
        };
        html! {
            <div class={classes!("date-part", format!("date-part--{size}"))}>
                <label for={id.clone()}>{ label }</label>
                <input
                    id={id.clone()}
                    name={id}
                    type="text"
                    inputmode="numeric"
                    maxlength={if suffix == "year" { "4" } else { "2" }}
                    value={value.clone()}
                    {oninput}
                    autocomplete={autocomplete}
                    required={props.required}
                    aria-required={props.required.then_some("true")}
                    aria-invalid={props.error.as_ref().map(|_| "true")}
                    aria-describedby={describedby.clone()}
                />
            </div>
        }
    };
    html! {
        <FieldFrame {id} label={props.legend.clone()} required={props.required}
            hint={hint} error={props.error.clone()}
            layout={Layout::Fieldset { class: "date-field", with_id: false }}>
            <div class="date-parts">
                { part("day", "Jour", "short", &props.value.day) }
                { part("month", "Mois", "short", &props.value.month) }
                { part("year", "Année", "long", &props.value.year) }
            </div>
        </FieldFrame>
    }
}
