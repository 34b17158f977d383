//! A list that picks one of the household's things by id, or the new one being added
//! (shown "… (à ajouter)"): a person, an address.

use serde_json::Value;
use yew::prelude::*;

/// The value of the list's entry for the one to add.
pub const NEW: &str = "nouveau";

/// The list's value for an answer: an id, the one to add, or nothing.
pub fn picked(value: &Option<Value>) -> AttrValue {
    match value {
        Some(Value::Number(n)) => AttrValue::from(n.to_string()),
        Some(Value::Object(_)) => AttrValue::Static(NEW),
        _ => AttrValue::Static(""),
    }
}

/// The answer for the entry chosen: an id, or the one to add (kept while another is
/// chosen, so that choosing it again brings it back).
pub fn on_pick(cb: Callback<Option<Value>>, kept: Option<Value>) -> Callback<String> {
    Callback::from(move |v: String| {
        cb.emit(match v.as_str() {
            "" => None,
            NEW => kept.clone().filter(Value::is_object),
            id => id.parse::<i64>().ok().map(Value::from),
        })
    })
}
