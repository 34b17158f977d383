//! "Enfant": one of the household's children, or the child added with "+ Ajouter un
//! enfant" (named "à ajouter" until the town hall accepts the fiche).

use domain::profile::{Member, MemberRole};
use domain::request::form::NewChild;
use domain::request::FieldDefinition;
use serde_json::Value;
use yew::prelude::*;

use super::answers::input_id;
use crate::components::select_field::SelectField;

/// The value of the list's entry for the child to add.
const NEW: &str = "nouveau";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: FieldDefinition,
    pub value: Option<Value>,
    pub members: Vec<Member>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub required: bool,
    pub onchange: Callback<Option<Value>>,
    /// "+ Ajouter un enfant" (or change the one added) was pressed.
    pub on_add: Callback<()>,
}

#[function_component(ChildField)]
pub fn child_field(props: &Props) -> Html {
    let f = &props.field;
    let added: Option<NewChild> = match &props.value {
        Some(v @ Value::Object(_)) => serde_json::from_value(v.clone()).ok(),
        _ => None,
    };
    let mut options: Vec<(AttrValue, AttrValue)> = props
        .members
        .iter()
        .filter(|m| m.role == MemberRole::Child)
        .map(|m| {
            (
                AttrValue::from(m.person_id.to_string()),
                AttrValue::from(m.display_name()),
            )
        })
        .collect();
    if let Some(child) = &added {
        options.push((
            AttrValue::Static(NEW),
            AttrValue::from(format!("{} (à ajouter)", child.display_name())),
        ));
    }
    let value = match &props.value {
        Some(Value::Number(n)) => AttrValue::from(n.to_string()),
        Some(Value::Object(_)) => AttrValue::Static(NEW),
        _ => AttrValue::Static(""),
    };
    let onchange = {
        let (cb, kept) = (props.onchange.clone(), props.value.clone());
        Callback::from(move |v: String| {
            cb.emit(match v.as_str() {
                "" => None,
                NEW => kept.clone().filter(Value::is_object),
                id => id.parse::<i64>().ok().map(Value::from),
            })
        })
    };
    let on_add = {
        let cb = props.on_add.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let hint = match (options.is_empty(), &f.help) {
        (true, _) => Some(AttrValue::Static(
            "Aucun enfant dans votre foyer pour l'instant : ajoutez-le avec « + Ajouter un enfant ».",
        )),
        (false, help) => help.clone().map(AttrValue::from),
    };
    html! {
        <div class="child-field">
            <SelectField id={AttrValue::from(input_id(&f.name))} label={AttrValue::from(f.label.clone())}
                {value} {options} {onchange} required={props.required} error={props.error.clone()} {hint}
                placeholder="Choisissez un enfant" />
            <button type="button" id="child-add" class="button button--secondary" onclick={on_add}>
                if added.is_some() {
                    { "Modifier l'enfant à ajouter" }
                } else {
                    <span aria-hidden="true">{ "+ " }</span>{ "Ajouter un enfant" }
                }
            </button>
        </div>
    }
}
