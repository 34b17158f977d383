//! The answers of a request, step by step, each as the person reads it
//! ([`FieldDefinition::display`]): the recap before sending and the request's page.

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
}

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
                    .filter(|f| props.form.shown(f, &props.answers))
                    .map(|f| Detail::owned(
                        f.label.clone(),
                        props.answers.get(&f.name).map(|v| f.display(v)),
                    ))
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
