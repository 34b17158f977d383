//! "Enfant": one of the household's children, or the child added with "+ Ajouter un
//! enfant" (named "à ajouter" until the town hall accepts the fiche); the same for an
//! adult ("Responsable légal", "Conjoint"), whom a field may allow to add.

use domain::ids::PersonId;
use domain::profile::{Member, MemberRole, Profile, RelationRole, SchoolEnrolment};
use domain::request::form::{school_year_label, NewPerson, SavedAs};
use domain::request::{FieldDefinition, FieldKind};
use serde_json::Value;
use yew::prelude::*;

use super::answers::input_id;
use super::pick::{on_pick, picked, NEW};
use crate::components::select_field::SelectField;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: FieldDefinition,
    pub value: Option<Value>,
    pub members: Vec<Member>,
    /// The household's school enrolments: a child's fiche says whether the chosen child
    /// has one ("Cet usager possède une inscription scolaire").
    #[prop_or_default]
    pub schooling: Vec<SchoolEnrolment>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub required: bool,
    pub onchange: Callback<Option<Value>>,
    /// "+ Ajouter" (or change the one added) was pressed.
    pub on_add: Callback<()>,
    /// The account holder's partner in the household, if known (a `partner` field starts
    /// with it).
    #[prop_or_default]
    pub partner: Option<PersonId>,
}

#[function_component(PersonField)]
pub fn person_field(props: &Props) -> Html {
    let f = &props.field;
    let is_child = f.kind == FieldKind::Child;
    let p = super::person_dialog::prefix(f);
    let can_add = is_child || f.allow_add;
    // What the profile knows comes first: the responsable is the account holder, the
    // partner the holder's, unless the family says otherwise.
    {
        let known = match f.saved_as {
            Some(SavedAs::Guardian) => props
                .members
                .iter()
                .find(|m| m.role == MemberRole::AccountHolder)
                .map(|m| m.person_id),
            Some(SavedAs::Partner) => props.partner,
            _ => None,
        };
        let (cb, empty) = (props.onchange.clone(), props.value.is_none());
        use_effect_with(known, move |known| {
            if let (Some(id), true) = (known, empty) {
                cb.emit(Some(Value::from(id.0)));
            }
        });
    }
    let added: Option<NewPerson> = match &props.value {
        Some(v @ Value::Object(_)) => serde_json::from_value(v.clone()).ok(),
        _ => None,
    };
    let mut options: Vec<(AttrValue, AttrValue)> = props
        .members
        .iter()
        .filter(|m| (m.role == MemberRole::Child) == is_child)
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
    let value = picked(&props.value);
    let onchange = on_pick(props.onchange.clone(), props.value.clone());
    let on_add = {
        let cb = props.on_add.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let (none, placeholder, add) = if is_child {
        (
            "Aucun enfant dans votre foyer pour l'instant : ajoutez-le avec « + Ajouter un enfant ».",
            "Choisissez un enfant",
            ("Ajouter un enfant", "Modifier l'enfant à ajouter"),
        )
    } else {
        (
            "Aucune autre personne dans votre foyer pour l'instant : ajoutez-la avec « + Ajouter une personne ».",
            "Choisissez une personne",
            ("Ajouter une personne", "Modifier la personne à ajouter"),
        )
    };
    let hint = match (options.is_empty() && can_add, &f.help) {
        (true, _) => Some(AttrValue::Static(none)),
        (false, help) => help.clone().map(AttrValue::from),
    };
    html! {
        <div class="child-field">
            <SelectField id={AttrValue::from(input_id(&f.name))} label={AttrValue::from(f.label.clone())}
                {value} {options} {onchange} required={props.required} error={props.error.clone()} {hint}
                {placeholder} />
            if is_child && props.value.is_some() {
                <p class="notice" id={format!("{}-schooling", input_id(&f.name))}>
                    { schooling_line(&props.value, &props.schooling) }
                </p>
            }
            if can_add {
                <button type="button" id={format!("{p}-add")} class="button button--secondary" onclick={on_add}>
                    if added.is_some() {
                        { add.1 }
                    } else {
                        <span aria-hidden="true">{ "+ " }</span>{ add.0 }
                    }
                </button>
            }
        </div>
    }
}

/// The manuals' line under the child: its latest school enrolment, or none.
fn schooling_line(value: &Option<Value>, schooling: &[SchoolEnrolment]) -> String {
    let latest = value.as_ref().and_then(Value::as_i64).and_then(|id| {
        schooling
            .iter()
            .filter(|e| e.person_id.0 == id)
            .max_by(|a, b| a.school_year.cmp(&b.school_year))
    });
    match latest {
        Some(e) => format!(
            "Cet usager possède une inscription scolaire : {}, {} ({}).",
            e.establishment,
            e.level,
            school_year_label(&e.school_year)
        ),
        None => "Aucune inscription scolaire pour cet usager.".to_string(),
    }
}

/// The account holder's partner in the household, if the profile knows one.
pub fn holders_partner(profile: &Profile) -> Option<PersonId> {
    let holder = profile
        .household
        .iter()
        .find(|m| m.role == MemberRole::AccountHolder)?
        .person_id;
    profile
        .relations
        .iter()
        .filter(|r| r.role == RelationRole::Partner)
        .find_map(|r| match (r.person_id, r.related_person_id) {
            (a, b) if a == holder => Some(b),
            (a, b) if b == holder => Some(a),
            _ => None,
        })
}
