//! A `signature` answer: the certification on honour ticked and the signer's name typed,
//! dated the day it is sent (the server records the account and the time).

use domain::request::FieldDefinition;
use serde_json::{json, Value};
use yew::prelude::*;

use super::answers::input_id;
use crate::components::checkbox::Checkbox;
use crate::components::field::TextField;
use crate::forms::FieldErrors;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: FieldDefinition,
    pub value: Option<Value>,
    pub errors: FieldErrors,
    pub required: bool,
    pub onchange: Callback<Option<Value>>,
}

#[function_component(SignatureField)]
pub fn signature_field(props: &Props) -> Html {
    let f = &props.field;
    let id = input_id(&f.name);
    let certified = props
        .value
        .as_ref()
        .and_then(|v| v.get("certified"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let name = props
        .value
        .as_ref()
        .and_then(|v| v.get("name"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let emit = {
        let cb = props.onchange.clone();
        move |certified: bool, name: String| {
            cb.emit(
                (certified || !name.trim().is_empty())
                    .then(|| json!({"certified": certified, "name": name})),
            )
        }
    };
    let on_tick = {
        let (emit, name) = (emit.clone(), name.clone());
        Callback::from(move |on: bool| emit(on, name.clone()))
    };
    let on_name = Callback::from(move |text: String| emit(certified, text));
    let error = |part: &str| props.errors.get(&format!("{id}_{part}"));
    let today = crate::dates::today().format("%d/%m/%Y").to_string();
    html! {
        <fieldset class="signature-field" id={id.clone()} tabindex="-1"
            aria-describedby={props.errors.get(&id).map(|_| format!("{id}-error"))}>
            <legend>{ "Signature" }</legend>
            if let Some(error) = props.errors.get(&id) {
                <p class="field-error" id={format!("{id}-error")}><span class="sr-only">{ "Erreur : " }</span>{ error }</p>
            }
            <Checkbox id={AttrValue::from(format!("{id}_certified"))} label={AttrValue::from(f.label.clone())}
                checked={certified} onchange={on_tick} required={props.required}
                error={error("certified")} />
            <TextField id={AttrValue::from(format!("{id}_name"))} label="Nom et prénom du signataire"
                value={AttrValue::from(name)} oninput={on_name} required={props.required}
                error={error("name")} hint={f.help.clone().map(AttrValue::from)} autocomplete="name" />
            <p class="signature-field__date">{ format!("Date : {today}") }</p>
        </fieldset>
    }
}
