//! "Adresse": one of the account holder's addresses ("Adresse principale" first), or a new
//! one from the manuals' "Ajouter une adresse" modal (added to "Mes adresses" when the
//! town hall accepts the request). The modal's inputs are `address_*`; the server's
//! `answers.<field>.<part>` errors land under them.

use domain::profile::{Address, AddressInput};
use domain::request::form::new_address;
use domain::request::FieldDefinition;
use serde_json::{json, Value};
use yew::prelude::*;

use super::answers::input_id;
use super::modal_form::{use_modal_form, ModalSetup};
use super::pick::{on_pick, picked, NEW};
use crate::components::error_summary::{ErrorSummary, SummaryItem};
use crate::components::field::TextField;
use crate::components::select_field::SelectField;
use crate::focus::focus_soon;
use crate::forms::FieldErrors;

/// The modal's inputs: `(key, label, required, hint)`, in the manuals' order.
const PARTS: [(&str, &str, bool, &str); 8] = [
    (
        "name",
        "Nom de l'adresse",
        true,
        "Nommez votre adresse (principale, secondaire...)",
    ),
    ("country", "Pays", true, ""),
    ("city", "Ville", true, ""),
    (
        "postal_code",
        "Code postal",
        true,
        "En France, cinq chiffres : 62360.",
    ),
    ("street_number", "Numéro de voie", false, ""),
    (
        "street_number_complement",
        "Complément de n°",
        false,
        "bis, ter…",
    ),
    ("street", "Type et nom de la voie", true, ""),
    ("street_complement", "Complément de voie", false, ""),
];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: FieldDefinition,
    pub value: Option<Value>,
    pub addresses: Vec<Address>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub errors: FieldErrors,
    pub required: bool,
    pub onchange: Callback<Option<Value>>,
}

#[function_component(AddressField)]
pub fn address_field(props: &Props) -> Html {
    let f = &props.field;
    let id = input_id(&f.name);
    let open = use_state(|| false);
    let added: Option<AddressInput> = props.value.as_ref().and_then(new_address);
    // The default address, unless the family chose another.
    {
        let default = props.addresses.iter().find(|a| a.is_default).map(|a| a.id);
        let (cb, empty) = (props.onchange.clone(), props.value.is_none());
        use_effect_with(default, move |default| {
            if let (Some(id), true) = (default, empty) {
                cb.emit(Some(Value::from(id.0)));
            }
        });
    }
    let mut options: Vec<(AttrValue, AttrValue)> = props
        .addresses
        .iter()
        .map(|a| {
            (
                AttrValue::from(a.id.to_string()),
                AttrValue::from(a.one_line()),
            )
        })
        .collect();
    if let Some(a) = &added {
        options.push((
            AttrValue::Static(NEW),
            AttrValue::from(format!("{} (à ajouter)", a.one_line())),
        ));
    }
    let value = picked(&props.value);
    let onchange = on_pick(props.onchange.clone(), props.value.clone());
    // A mistake in the address to add is shown under the list, and in the modal.
    let nested = format!("answers.{}.", f.name);
    let error = props.error.clone().or_else(|| {
        props
            .errors
            .fields()
            .any(|e| e.starts_with(&nested))
            .then_some(AttrValue::Static(
                "L'adresse à ajouter est incomplète : modifiez-la.",
            ))
    });
    let hint = match (options.is_empty(), &f.help) {
        (true, _) => Some(AttrValue::Static(
            "Aucune adresse dans votre profil pour l'instant : ajoutez-la avec « + Ajouter une adresse ».",
        )),
        (false, help) => help.clone().map(AttrValue::from),
    };
    let on_open = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let on_add = {
        let (cb, open, id) = (props.onchange.clone(), open.clone(), id.clone());
        Callback::from(move |address: Value| {
            open.set(false);
            cb.emit(Some(address));
            focus_soon(format!("#{id}"));
        })
    };
    let on_close = {
        let open = open.clone();
        Callback::from(move |()| {
            open.set(false);
            focus_soon("#address-add");
        })
    };
    html! {
        <div class="child-field">
            <SelectField id={AttrValue::from(id.clone())} label={AttrValue::from(f.label.clone())}
                {value} {options} {onchange} required={props.required} {error} {hint}
                placeholder="Sélectionnez dans la liste..." />
            <button type="button" id="address-add" class="button button--secondary" onclick={on_open}>
                if added.is_some() {
                    { "Modifier l'adresse à ajouter" }
                } else {
                    <span aria-hidden="true">{ "+ " }</span>{ "Ajouter une adresse" }
                }
            </button>
            <AddressDialog field={f.clone()} open={*open} value={props.value.clone().filter(Value::is_object)}
                {on_add} {on_close} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DialogProps {
    field: FieldDefinition,
    open: bool,
    value: Option<Value>,
    on_add: Callback<Value>,
    on_close: Callback<()>,
}

/// "Ajouter une adresse ×": a native modal `<dialog>` checked with the domain's rules.
#[function_component(AddressDialog)]
fn address_dialog(props: &DialogProps) -> Html {
    let modal = use_modal_form(ModalSetup {
        open: props.open,
        value: props.value.clone(),
        defaults: json!({"country": "France"}),
        check: {
            let field = props.field.clone();
            Callback::from(move |address: Value| problems(&field, &address))
        },
        focus: "address_name".into(),
        on_add: props.on_add.clone(),
        on_close: props.on_close.clone(),
    });
    let errors = &modal.errors;
    let summary: Vec<SummaryItem> = PARTS
        .iter()
        .filter_map(|(key, label, _, _)| {
            let id = format!("address_{key}");
            errors.get(&id).map(|message| SummaryItem {
                id: AttrValue::from(id),
                label: AttrValue::Static(label),
                message,
            })
        })
        .collect();
    html! {
        <dialog ref={modal.node.clone()} id="address-dialog" class="dialog"
            aria-labelledby="address-dialog-title" onclose={modal.onclose.clone()}>
            <form class="dialog__body" onsubmit={modal.onsubmit.clone()} novalidate=true>
                <div class="dialog__header">
                    <h2 id="address-dialog-title">{ "Ajouter une adresse" }</h2>
                    <button type="button" class="dialog__close" onclick={modal.close.clone()} aria-label="Fermer">
                        <span aria-hidden="true">{ "×" }</span>
                    </button>
                </div>
                <ErrorSummary id="address-errors" items={summary} attempt={modal.attempt} />
                <p class="hint">{ "L'adresse rejoindra « Mes adresses » quand la mairie aura traité la demande." }</p>
                { for PARTS.iter().map(|(key, label, required, hint)| {
                    let id = format!("address_{key}");
                    let value = modal.text(key);
                    let hint = (!hint.is_empty()).then_some(AttrValue::Static(hint));
                    html! {
                        <TextField id={AttrValue::from(id.clone())} label={*label} {value} oninput={modal.set(key)}
                            required={*required} error={errors.get(&id)} {hint} autocomplete="off" />
                    }
                }) }
                <div class="actions">
                    <button type="button" id="address-dialog-close" class="button button--secondary" onclick={modal.close.clone()}>
                        { "Fermer" }
                    </button>
                    <button type="submit" id="address-dialog-add" class="button">{ "Ajouter cette adresse" }</button>
                </div>
            </form>
        </dialog>
    }
}

/// The domain's check of the address alone, keyed by the modal's inputs.
fn problems(field: &FieldDefinition, address: &Value) -> FieldErrors {
    let errors = super::person_dialog::check_alone(field, address)
        .into_iter()
        .map(|(key, mut e)| {
            e.field = format!("address_{key}");
            e
        })
        .collect();
    FieldErrors::new(errors)
}
