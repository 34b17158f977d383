//! A fiche started from another: the fiche of another child keeps the family's answers
//! (steps marked `family`); the child's fiche for a new school year keeps last year's
//! answers but what changes each year (the year, the level, the signature).

use serde_json::Value;

use super::{Answers, ChoiceSource, FieldKind, FormDefinition, PersonAnswer};
use crate::ids::PersonId;

impl FormDefinition {
    /// The answers the fiche of another child of the family starts from: those of the
    /// `family` steps, never a signature.
    pub fn for_another_child(&self, answers: &Answers) -> Answers {
        self.steps
            .iter()
            .filter(|s| s.family)
            .flat_map(|s| s.fields.iter())
            .filter(|f| f.kind != FieldKind::Signature)
            .filter_map(|f| Some((f.name.clone(), answers.get(&f.name)?.clone())))
            .collect()
    }

    /// The answers the child's fiche for a new school year starts from: last year's,
    /// without the school year, the level, the class and the signature. The child is
    /// `child` (the household member the accepted fiche made of it); people and
    /// addresses the fiche added are household members now, chosen again.
    pub fn for_next_year(&self, answers: &Answers, child: Option<PersonId>) -> Answers {
        let mut kept = Answers::new();
        for f in self.fields() {
            let Some(value) = answers.get(&f.name) else {
                continue;
            };
            let yearly = matches!(
                f.choices_from,
                Some(ChoiceSource::SchoolYears | ChoiceSource::SchoolLevels)
            ) || f.name == "class_name";
            let value = match f.kind {
                _ if yearly => continue,
                FieldKind::Signature => continue,
                FieldKind::Child => match child {
                    Some(id) => Value::from(id.0),
                    None => continue,
                },
                FieldKind::Adult => match PersonAnswer::read(value) {
                    Some(PersonAnswer::Member(_)) => value.clone(),
                    _ => continue,
                },
                FieldKind::Address if value.is_object() => continue,
                _ => value.clone(),
            };
            kept.insert(f.name.clone(), value);
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn form_of(value: serde_json::Value) -> FormDefinition {
        serde_json::from_value(value).unwrap()
    }

    fn answers(value: serde_json::Value) -> Answers {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn another_child_keeps_the_family_steps_but_the_signature() {
        let form = form_of(json!({"steps": [
            {"title": "Responsable", "family": true, "fields": [
                {"name": "guardian", "label": "Responsable légal", "kind": "adult"},
                {"name": "family_situation", "label": "Situation", "kind": "text"}]},
            {"title": "Enfant", "fields": [
                {"name": "child", "label": "Enfant", "kind": "child"},
                {"name": "pai", "label": "PAI", "kind": "yes_no"}]},
            {"title": "Contacts et signature", "family": true, "fields": [
                {"name": "contacts", "label": "Personnes", "kind": "group", "min": 0, "max": 3,
                 "fields": [{"name": "last_name", "label": "Nom", "kind": "text"}]},
                {"name": "signature", "label": "Je certifie", "kind": "signature"}]}
        ]}));
        let given = answers(
            json!({"guardian": 3, "family_situation": "Marié", "child": 5,
            "pai": true, "contacts": [{"last_name": "Martin"}],
            "signature": {"certified": true, "name": "DUPIN Pascal"}}),
        );
        assert_eq!(
            form.for_another_child(&given),
            answers(json!({"guardian": 3, "family_situation": "Marié",
                "contacts": [{"last_name": "Martin"}]}))
        );
    }

    #[test]
    fn next_year_keeps_last_years_answers_but_what_changes_each_year() {
        let form = form_of(json!({"steps": [{"title": "Fiche", "fields": [
            {"name": "child", "label": "Enfant", "kind": "child"},
            {"name": "partner", "label": "Conjoint", "kind": "adult", "allow_add": true},
            {"name": "guardian", "label": "Responsable", "kind": "adult"},
            {"name": "address", "label": "Adresse", "kind": "address"},
            {"name": "school_year", "label": "Année", "kind": "select", "choices_from": "school_years"},
            {"name": "level", "label": "Niveau", "kind": "select", "choices_from": "school_levels"},
            {"name": "establishment", "label": "Etablissement", "kind": "select", "choices_from": "schools"},
            {"name": "activities", "label": "Sessions", "kind": "checkboxes", "choices_from": "activities"},
            {"name": "signature", "label": "Je certifie", "kind": "signature"}
        ]}]}));
        let new_person = json!({"sex": "female", "birth_name": "Durand", "first_name": "Marie",
            "birth_date": "1986-02-03", "birth_country": "France", "birth_city": "Calais"});
        let given = answers(json!({
            "child": {"sex": "male", "birth_name": "Dupin", "first_name": "Tim",
                "birth_date": "2016-01-01", "birth_country": "France", "birth_city": "Calais"},
            "partner": new_person, "guardian": 3,
            "address": {"name": "Principale", "country": "France", "city": "Calais",
                "postal_code": "62100", "street": "Rue Royale"},
            "school_year": "2026-2027", "level": "CP", "establishment": "École Ferry",
            "activities": ["garderie"], "signature": {"certified": true, "name": "DUPIN Pascal"}}));
        assert_eq!(
            form.for_next_year(&given, Some(PersonId(7))),
            answers(
                json!({"child": 7, "guardian": 3, "establishment": "École Ferry",
                "activities": ["garderie"]})
            )
        );
        let no_child = form.for_next_year(&given, None);
        assert!(!no_child.contains_key("child"));
    }
}
