//! A `group` answer: a list of items ("Personne 1", "Personne 2"…), each answering the
//! group's fields, with "+ Ajouter" and "Retirer". Inputs are `answer_<group>_<i>_<field>`,
//! where the server's `answers.<group>.<i>.<field>` errors land.

use domain::request::FieldDefinition;
use serde_json::{Map, Value};
use yew::prelude::*;

use super::answer_field::AnswerField;
use super::answers::input_id;
use crate::components::field_frame::describedby;
use crate::focus::focus_soon;
use crate::forms::FieldErrors;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: FieldDefinition,
    pub value: Option<Value>,
    pub errors: FieldErrors,
    pub required: bool,
    pub onchange: Callback<Option<Value>>,
}

/// The name an item's field takes in the form: `contacts_1_phone`.
pub fn item_field_name(group: &str, index: usize, field: &str) -> String {
    format!("{group}_{index}_{field}")
}

/// How an item is called: "Personne 2".
pub fn item_title(field: &FieldDefinition, index: usize) -> String {
    format!(
        "{} {}",
        field.item_label.as_deref().unwrap_or("Élément"),
        index + 1
    )
}

#[function_component(GroupField)]
pub fn group_field(props: &Props) -> Html {
    let f = &props.field;
    let items: Vec<Map<String, Value>> = match &props.value {
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_object().cloned().unwrap_or_default())
            .collect(),
        _ => Vec::new(),
    };
    let id = input_id(&f.name);
    let max = f.max.unwrap_or(20).max(0) as usize;
    let emit = {
        let cb = props.onchange.clone();
        move |items: Vec<Map<String, Value>>| {
            cb.emit(
                (!items.is_empty())
                    .then(|| Value::Array(items.into_iter().map(Value::Object).collect())),
            )
        }
    };
    let add = {
        let (items, emit, f) = (items.clone(), emit.clone(), f.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = items.clone();
            next.push(Map::new());
            if let Some(first) = f.fields.first() {
                let name = item_field_name(&f.name, next.len() - 1, &first.name);
                focus_soon(format!("#{}", input_id(&name)));
            }
            emit(next);
        })
    };
    let item_label = f.item_label.clone().unwrap_or_else(|| "élément".into());
    html! {
        <fieldset class="group-field" id={id.clone()} tabindex="-1" aria-describedby={describedby(
            &id,
            f.help.clone().map(AttrValue::from).as_ref(),
            None,
            props.errors.get(&id).as_ref(),
        )}>
            <legend>{ &f.label }</legend>
            if let Some(help) = &f.help {
                <p class="hint" id={format!("{id}-hint")}>{ help }</p>
            }
            if let Some(error) = props.errors.get(&id) {
                <p class="field-error" id={format!("{id}-error")}>
                    <span class="sr-only">{ "Erreur : " }</span>{ error }
                </p>
            }
            if items.is_empty() {
                <p class="group-field__empty">{ "Aucune pour l'instant." }</p>
            }
            { for items.iter().enumerate().map(|(i, item)| {
                let title = item_title(f, i);
                let remove = {
                    let (items, emit, add_id) = (items.clone(), emit.clone(), format!("{id}-add"));
                    Callback::from(move |_: MouseEvent| {
                        let mut next = items.clone();
                        next.remove(i);
                        focus_soon(format!("#{add_id}"));
                        emit(next);
                    })
                };
                html! {
                    <fieldset class="group-field__item" key={i}>
                        <legend>{ &title }</legend>
                        { for f.fields.iter().map(|sub| {
                            let name = item_field_name(&f.name, i, &sub.name);
                            let onchange = {
                                let (items, emit, key) = (items.clone(), emit.clone(), sub.name.clone());
                                Callback::from(move |v: Option<Value>| {
                                    let mut next = items.clone();
                                    match v {
                                        Some(v) => next[i].insert(key.clone(), v),
                                        None => next[i].remove(&key),
                                    };
                                    emit(next);
                                })
                            };
                            let field = FieldDefinition { name: name.clone(), ..sub.clone() };
                            let error = props.errors.get(&input_id(&name));
                            html! {
                                <AnswerField key={sub.name.clone()} {field} value={item.get(&sub.name).cloned()}
                                    {error} required={sub.required} {onchange} />
                            }
                        }) }
                        <button type="button" class="button button--secondary" id={format!("{id}-remove-{i}")}
                            onclick={remove}>
                            { format!("Retirer : {title}") }
                        </button>
                    </fieldset>
                }
            }) }
            if items.len() < max {
                <button type="button" class="button button--secondary" id={format!("{id}-add")} onclick={add}>
                    <span aria-hidden="true">{ "+ " }</span>{ format!("Ajouter : {}", item_label.to_lowercase()) }
                </button>
            } else {
                <p class="hint">{ format!("{max} au plus.") }</p>
            }
        </fieldset>
    }
}
