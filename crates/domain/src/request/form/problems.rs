//! The configuration check of a form: what is wrong with the form itself.

use chrono::NaiveDate;

use serde_json::Value;

use super::{FieldCondition, FieldKind, FormDefinition, SavedAs};

impl FormDefinition {
    /// What is wrong with the form itself, for the configuration check at start: names
    /// unique and `snake_case`, bounds on every number and date, choices where chosen.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut names = std::collections::BTreeSet::new();
        for f in self.fields() {
            let name = &f.name;
            for (rule, condition) in [
                ("shown_when", &f.shown_when),
                ("required_when", &f.required_when),
            ] {
                if let Some(c) = condition {
                    problems.extend(self.condition_problem(name, rule, c));
                }
            }
            if f.choices_from.is_some()
                && !matches!(
                    f.kind,
                    FieldKind::Select | FieldKind::Radio | FieldKind::Checkboxes
                )
            {
                problems.push(format!(
                    "field `{name}`: only choices may come from `choices_from`"
                ));
            }
            problems.extend(f.group_problems());
            match (f.saved_as, f.kind) {
                (None, _)
                | (Some(SavedAs::Contacts), FieldKind::Group)
                | (Some(SavedAs::Authorisation), FieldKind::YesNo)
                | (Some(SavedAs::Partner), FieldKind::Adult)
                | (Some(SavedAs::Transport), FieldKind::Checkboxes) => {}
                (Some(SavedAs::Guardian), FieldKind::Adult) if !f.allow_add => {}
                (
                    Some(SavedAs::Health),
                    FieldKind::Text
                    | FieldKind::Textarea
                    | FieldKind::Date
                    | FieldKind::Phone
                    | FieldKind::Number
                    | FieldKind::Select
                    | FieldKind::Radio
                    | FieldKind::Checkbox
                    | FieldKind::YesNo
                    | FieldKind::Checkboxes,
                ) => {}
                (Some(saved), _) => problems.push(format!(
                    "field `{name}`: `{saved:?}` is not recorded from a {:?} field",
                    f.kind
                )),
            }
            if let Some(only) = &f.exclusive {
                if f.kind != FieldKind::Checkboxes || !f.choices.iter().any(|c| &c.value == only) {
                    problems.push(format!(
                        "field `{name}`: `exclusive` names one of its checkboxes' choices"
                    ));
                }
            }
            if f.saved_as == Some(SavedAs::Transport) {
                let values: Vec<&str> = f.choices.iter().map(|c| c.value.as_str()).collect();
                if values != ["morning", "evening", "none"]
                    || f.exclusive.as_deref() != Some("none")
                {
                    problems.push(format!(
                        "transport field `{name}`: choices morning, evening and the exclusive none"
                    ));
                }
            }
            if f.allow_add && f.kind != FieldKind::Adult {
                problems.push(format!("field `{name}`: only an adult has `allow_add`"));
            }
            if !f.kind.answered() && (f.required || f.required_when.is_some()) {
                problems.push(format!("field `{name}` is never answered"));
            }
            if !names.insert(name.as_str()) {
                problems.push(format!("field `{name}` appears twice"));
            }
            let snake = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
            if name.is_empty() || !name.chars().all(snake) {
                problems.push(format!("field `{name}`: names are snake_case"));
            }
            match f.kind {
                FieldKind::Number => match (f.min, f.max) {
                    (Some(min), Some(max)) if min <= max => {}
                    _ => problems.push(format!("number field `{name}` needs `min` <= `max`")),
                },
                FieldKind::Date if f.dates.is_none() => problems.push(format!(
                    "date field `{name}` needs `dates` (past, upcoming or any)"
                )),
                FieldKind::Select | FieldKind::Radio | FieldKind::Checkboxes
                    if f.choices.is_empty() =>
                {
                    problems.push(format!("field `{name}` needs `choices`"))
                }
                _ => {}
            }
        }
        if self.fields().filter(|f| f.kind == FieldKind::Child).count() > 1 {
            problems.push("a form asks for one child at most".into());
        }
        for saved in [
            SavedAs::Guardian,
            SavedAs::Partner,
            SavedAs::Contacts,
            SavedAs::Transport,
        ] {
            if self.fields().filter(|f| f.saved_as == Some(saved)).count() > 1 {
                problems.push(format!("a form records one `{saved:?}` at most"));
            }
        }
        problems
    }

    /// A condition reads another answer, and one that answer can have. What shows a
    /// field is asked before it; what makes it required may come after (the school is
    /// asked before the activities that make it needed), checked when the form is sent.
    fn condition_problem(&self, name: &str, rule: &str, c: &FieldCondition) -> Option<String> {
        let mut earlier = self.fields().take_while(|e| e.name != name);
        let found = match rule {
            "shown_when" => earlier.find(|e| e.name == c.field),
            _ => self.fields().find(|e| e.name == c.field && e.name != name),
        };
        let reference = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN);
        let Some(e) = found else {
            let which = if rule == "shown_when" {
                "an earlier"
            } else {
                "another"
            };
            return Some(format!(
                "field `{name}`: `{rule}` names `{}`, not {which} field",
                c.field
            ));
        };
        // "Includes" for a list of choices.
        let answer = match (e.kind, &c.equals) {
            (FieldKind::Checkboxes, Value::String(_)) => Value::Array(vec![c.equals.clone()]),
            _ => c.equals.clone(),
        };
        e.check(&answer, reference).err().map(|_| {
            format!(
                "field `{name}`: `{rule}` expects an answer `{}` cannot have",
                c.field
            )
        })
    }
}
