//! The fiche enfant's fields: the child, the activities and the school they require.

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::problem::FieldError;

fn fiche() -> FormDefinition {
    let mut form: FormDefinition = serde_json::from_value(json!({"steps": [{"title": "Enfant", "fields": [
        {"name": "child", "label": "Enfant", "kind": "child", "required": true},
        {"name": "school_year", "label": "Année scolaire", "kind": "select", "required": true,
         "choices_from": "school_years"},
        // Asked before the activities that make it required, as in the manuals.
        {"name": "establishment", "label": "Etablissement", "kind": "select", "choices_from": "schools",
         "required_when": {"field": "activities", "equals": "restauration-scolaire"}},
        {"name": "activities", "label": "Inscription aux activités", "kind": "checkboxes",
         "required": true, "choices_from": "activities"},
    ]}]}))
    .unwrap();
    let choice = |v: &str| Choice {
        value: v.into(),
        label: v.into(),
    };
    form.fill_choices(
        ChoiceSource::Activities,
        &[choice("restauration-scolaire"), choice("mercredis-kids")],
    );
    form.fill_choices(ChoiceSource::Schools, &[choice("École Jean-Marie Brison")]);
    form.fill_choices(ChoiceSource::SchoolYears, &school_year_choices(today()));
    form
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn codes(errors: Vec<FieldError>) -> Vec<(String, String)> {
    errors.into_iter().map(|e| (e.field, e.code)).collect()
}

fn check(answers: serde_json::Value) -> Vec<(String, String)> {
    codes(fiche().check(&serde_json::from_value(answers).unwrap(), true, today()))
}

fn new_child() -> serde_json::Value {
    json!({"sex": "male", "birth_name": "Dupin", "first_name": "Tim", "birth_date": "2019-05-14",
           "birth_country": "France", "birth_city": "Boulogne-sur-Mer", "birth_department": "62"})
}

#[test]
fn the_school_years_are_the_current_one_and_the_next() {
    let years = |d| {
        school_year_choices(d)
            .into_iter()
            .map(|c| c.value)
            .collect::<Vec<_>>()
    };
    assert_eq!(years(today()), ["2026-2027", "2027-2028"]);
    assert_eq!(
        years(NaiveDate::from_ymd_opt(2027, 8, 31).unwrap()),
        ["2026-2027", "2027-2028"]
    );
    assert_eq!(
        years(NaiveDate::from_ymd_opt(2027, 9, 1).unwrap()),
        ["2027-2028", "2028-2029"]
    );
    assert_eq!(school_year_choices(today())[0].label, "Année 2026 / 2027");
}

#[test]
fn the_canteen_requires_the_school_and_other_activities_do_not() {
    let base = json!({"child": 5, "school_year": "2026-2027"});
    let with = |activities: serde_json::Value| {
        let mut a = base.clone();
        a["activities"] = activities;
        a
    };
    assert_eq!(
        check(with(json!(["restauration-scolaire"]))),
        [("answers.establishment".into(), "required".into())]
    );
    assert!(check(with(json!(["mercredis-kids"]))).is_empty());
    let mut schooled = with(json!(["restauration-scolaire", "mercredis-kids"]));
    schooled["establishment"] = json!("École Jean-Marie Brison");
    assert!(check(schooled).is_empty());
    // At least one activity; only the commune's; a school year of the calendar.
    assert_eq!(
        check(with(json!([]))),
        [("answers.activities".into(), "required".into())]
    );
    assert_eq!(
        check(with(json!(["piscine"]))),
        [("answers.activities".into(), "invalid_value".into())]
    );
    let mut old_year = with(json!(["mercredis-kids"]));
    old_year["school_year"] = json!("2019-2020");
    assert_eq!(
        check(old_year),
        [("answers.school_year".into(), "invalid_value".into())]
    );
}

#[test]
fn a_new_child_is_checked_field_by_field() {
    let answers = |child| json!({"child": child, "activities": ["mercredis-kids"], "school_year": "2026-2027"});
    assert!(check(answers(new_child())).is_empty());
    let mut wrong = new_child();
    wrong["first_name"] = json!("T1m");
    wrong["birth_date"] = json!("2030-01-01");
    wrong["birth_department"] = json!("");
    wrong["sex"] = json!("garçon");
    wrong["nickname"] = json!("Timmy");
    let mut errors = check(answers(wrong));
    errors.sort();
    assert_eq!(
        errors,
        [
            ("answers.child.birth_date".into(), "date_in_future".into()),
            ("answers.child.birth_department".into(), "required".into()),
            ("answers.child.first_name".into(), "invalid_name".into()),
            ("answers.child.nickname".into(), "unknown_field".into()),
            ("answers.child.sex".into(), "invalid_value".into()),
        ]
    );
    // Born abroad: no department.
    let mut abroad = new_child();
    abroad["birth_country"] = json!("Belgique");
    abroad.as_object_mut().unwrap().remove("birth_department");
    assert!(check(answers(abroad)).is_empty());
    // A person id, or an identity; nothing else.
    assert!(check(answers(json!(7))).is_empty());
    assert_eq!(
        check(answers(json!("Tim"))),
        [("answers.child".into(), "invalid_type".into())]
    );
    assert_eq!(
        check(answers(json!(-1))),
        [("answers.child".into(), "invalid_type".into())]
    );
    let read = PersonAnswer::read(&new_child());
    assert!(matches!(read, Some(PersonAnswer::New(c)) if c.display_name() == "DUPIN Tim"));
}

#[test]
fn choices_from_the_configuration_are_for_choices_and_one_child_per_form() {
    let mut form = fiche();
    assert!(form.problems().is_empty(), "{:?}", form.problems());
    form.steps[0].fields[0].choices_from = Some(ChoiceSource::Schools);
    let second = form.steps[0].fields[0].clone();
    form.steps[0].fields.push(FieldDefinition {
        name: "other".into(),
        ..second
    });
    let problems = form.problems().join("; ");
    assert!(
        problems.contains("only choices may come from"),
        "{problems}"
    );
    assert!(problems.contains("one child at most"), "{problems}");
    // A condition on a list of choices names one of them.
    let mut form = fiche();
    form.steps[0].fields[2].required_when = Some(FieldCondition {
        field: "activities".into(),
        equals: json!("piscine"),
    });
    assert_eq!(form.problems().len(), 1, "{:?}", form.problems());
    // What makes a field required may come later, but is another field of the form.
    for (field, equals) in [("establishment", json!("x")), ("nothing", json!(true))] {
        form.steps[0].fields[2].required_when = Some(FieldCondition {
            field: field.into(),
            equals,
        });
        let problems = form.problems().join("; ");
        assert!(problems.contains("not another field"), "{problems}");
    }
}
