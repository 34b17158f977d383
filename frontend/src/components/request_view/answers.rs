//! The answers of a request, step by step, each as the person reads it
//! ([`FieldDefinition::display`]): the recap before sending and the request's page.

use std::collections::BTreeMap;

use domain::request::form::Answers as AnswerMap;
use domain::request::FormDefinition;
use yew::prelude::*;

use crate::components::detail_list::{Detail, DetailList};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub form: FormDefinition,
    pub answers: AnswerMap,
    /// Rows shown before the answers (the person concerned, in the recap).
    #[prop_or_default]
    pub before: Vec<Detail>,
    /// How the answers given by id (a household member, an address) read, by field.
    #[prop_or_default]
    pub names: BTreeMap<String, String>,
    /// Health answers this agent may not read (no health permission), by field.
    #[prop_or_default]
    pub withheld: Vec<String>,
}

/// What an agent without the health permission reads in place of a health answer.
pub const WITHHELD: &str = "Information de santé réservée aux agents habilités";

#[function_component(Answers)]
pub fn answers(props: &Props) -> Html {
    let several = props.form.steps.len() > 1;
    html! {
        <>
            if !props.before.is_empty() {
                <DetailList items={props.before.clone()} />
            }
            { for props.form.steps.iter().map(|step| {
                let items: Vec<Detail> = step
                    .fields
                    .iter()
                    // A question the answers did not ask is not shown.
                    .filter(|f| {
                        let withheld = props.withheld.contains(&f.name);
                        (withheld || props.form.shown(f, &props.answers))
                            && f.kind.answered()
                    })
                    .map(|f| {
                        if props.withheld.contains(&f.name) {
                            return Detail::owned(f.label.clone(), Some(WITHHELD.to_string()));
                        }
                        let value = props.answers.get(&f.name);
                        let shown = match (f.kind, value) {
                            (_, Some(v)) if v.is_number() && props.names.contains_key(&f.name) => {
                                props.names.get(&f.name).cloned()
                            }
                            _ => value.map(|v| f.display(v)),
                        };
                        Detail::owned(f.label.clone(), shown)
                    })
                    .collect();
                html! {
                    <>
                        if several { <h3>{ step.title.clone() }</h3> }
                        <DetailList {items} />
                    </>
                }
            }) }
        </>
    }
}
