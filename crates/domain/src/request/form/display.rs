//! Answers as a person reads them.

use chrono::NaiveDate;
use serde_json::Value;

use super::{FieldDefinition, FieldKind, PersonAnswer};

impl FieldDefinition {
    /// The answer as a person reads it (recap and print pages). A household member or
    /// address is shown by its id: the caller names it.
    pub fn display(&self, value: &Value) -> String {
        let choice = |v: &str| {
            self.choices
                .iter()
                .find(|c| c.value == v)
                .map(|c| c.label.clone())
                .unwrap_or_else(|| v.to_string())
        };
        match (self.kind, value) {
            (_, Value::Null) => String::new(),
            (FieldKind::Checkbox | FieldKind::YesNo, Value::Bool(b)) => {
                if *b { "Oui" } else { "Non" }.into()
            }
            (FieldKind::Address, Value::Object(_)) => match super::new_address(value) {
                Some(a) => format!("{} (à ajouter à vos adresses)", a.one_line()),
                None => String::new(),
            },
            (FieldKind::Child | FieldKind::Adult, Value::Object(_)) => {
                match PersonAnswer::read(value) {
                    Some(PersonAnswer::New(child)) => format!(
                        "{}, né(e) le {} à {} (à ajouter au foyer)",
                        child.display_name(),
                        child.birth_date.format("%d/%m/%Y"),
                        child.birth_city.trim()
                    ),
                    _ => String::new(),
                }
            }
            (FieldKind::Group, Value::Array(items)) => items
                .iter()
                .map(|item| self.display_item(item))
                .collect::<Vec<_>>()
                .join(" ; "),
            (FieldKind::Signature, Value::Object(map)) => match map.get("name") {
                Some(Value::String(name)) => format!("Signé par {}", name.trim()),
                _ => String::new(),
            },
            (FieldKind::Date, Value::String(s)) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|_| s.clone()),
            (FieldKind::Select | FieldKind::Radio, Value::String(s)) => choice(s),
            (FieldKind::Checkboxes, Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(choice)
                .collect::<Vec<_>>()
                .join(", "),
            (_, Value::String(s)) => s.clone(),
            (_, other) => other.to_string(),
        }
    }

    /// One item of a group: its answers in the group's order; a ticked box by its label.
    pub fn display_item(&self, item: &Value) -> String {
        self.fields
            .iter()
            .filter_map(|sub| match (sub.kind, item.get(&sub.name)) {
                (FieldKind::Checkbox, Some(Value::Bool(true))) => Some(sub.label.clone()),
                (FieldKind::Checkbox, _) | (_, None | Some(Value::Null)) => None,
                (_, Some(v)) => Some(sub.display(v)).filter(|s| !s.trim().is_empty()),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
