//! Adults (the responsable, the partner) and addresses in a form.

use chrono::NaiveDate;
use serde_json::json;

use super::*;

fn form() -> FormDefinition {
    serde_json::from_value(json!({"steps": [{"title": "Responsable", "fields": [
        {"name": "guardian", "label": "Responsable légal", "kind": "adult", "required": true,
         "saved_as": "guardian"},
        {"name": "address", "label": "Adresse", "kind": "address", "required": true},
        {"name": "partner", "label": "Conjoint", "kind": "adult", "allow_add": true,
         "saved_as": "partner"},
    ]}]}))
    .unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn codes(answers: serde_json::Value) -> Vec<(String, String)> {
    let answers: Answers = serde_json::from_value(answers).unwrap();
    let mut codes: Vec<_> = form()
        .check(&answers, true, today())
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect();
    codes.sort();
    codes
}

fn marie(born: &str) -> serde_json::Value {
    json!({"sex": "female", "birth_name": "Durand", "first_name": "Marie", "birth_date": born,
           "birth_country": "France", "birth_city": "Calais", "birth_department": "62"})
}

fn address() -> serde_json::Value {
    json!({"name": "Adresse principale", "country": "France", "city": "Hesdigneul-lès-Boulogne",
           "postal_code": "62360", "street": "Rue des Buissons Fleuris"})
}

#[test]
fn members_and_addresses_by_id_or_new() {
    assert!(codes(json!({"guardian": 3, "address": 7, "partner": 4})).is_empty());
    assert!(
        codes(json!({"guardian": 3, "address": address(), "partner": marie("1986-02-03")}))
            .is_empty()
    );
    // Only the partner may be a new person, and an adult.
    assert_eq!(
        codes(
            json!({"guardian": marie("1986-02-03"), "address": 7, "partner": marie("2015-02-03")})
        ),
        [
            ("answers.guardian".to_string(), "invalid_type".to_string()),
            ("answers.partner.birth_date".into(), "too_young".into()),
        ]
    );
    let mut wrong = address();
    wrong["postal_code"] = json!("6236");
    wrong["floor"] = json!(2);
    assert_eq!(
        codes(json!({"guardian": 3, "address": wrong})),
        [(
            "answers.address.floor".to_string(),
            "unknown_field".to_string()
        )]
    );
    wrong.as_object_mut().unwrap().remove("floor");
    wrong.as_object_mut().unwrap().remove("street");
    assert_eq!(
        codes(json!({"guardian": 3, "address": wrong})),
        [
            (
                "answers.address.postal_code".to_string(),
                "invalid_postal_code".to_string()
            ),
            ("answers.address.street".into(), "required".into()),
        ]
    );
    assert_eq!(
        codes(json!({"guardian": 3, "address": "12 rue Jean Jaurès"})),
        [("answers.address".to_string(), "invalid_type".to_string())]
    );
    let field = form().field("address").unwrap().clone();
    assert_eq!(
        field.display(&address()),
        "Adresse principale : Rue des Buissons Fleuris, 62360 HESDIGNEUL-LÈS-BOULOGNE, France (à ajouter à vos adresses)"
    );
}

#[test]
fn one_guardian_never_added_and_one_partner() {
    assert!(form().problems().is_empty(), "{:?}", form().problems());
    let mut form = form();
    form.steps[0].fields[0].allow_add = true;
    form.steps[0].fields[1].allow_add = true;
    let mut second = form.steps[0].fields[2].clone();
    second.name = "partner_again".into();
    form.steps[0].fields.push(second);
    let problems = form.problems().join("; ");
    for expected in [
        "`Guardian` is not recorded from a Adult field",
        "only an adult has `allow_add`",
        "one `Partner` at most",
    ] {
        assert!(problems.contains(expected), "{expected} in {problems}");
    }
}

#[test]
fn an_exclusive_choice_stands_alone() {
    let form: FormDefinition = serde_json::from_value(json!({"steps": [{"title": "Enfant", "fields": [
        {"name": "transport", "label": "Mon enfant emprunte les transports scolaires", "kind": "checkboxes",
         "saved_as": "transport", "exclusive": "none", "choices": [
            {"value": "morning", "label": "Le matin"}, {"value": "evening", "label": "Le soir"},
            {"value": "none", "label": "Mon enfant n'emprunte pas les transports scolaires"}]},
    ]}]}))
    .unwrap();
    assert!(form.problems().is_empty(), "{:?}", form.problems());
    let check = |answer: serde_json::Value| -> Vec<String> {
        let answers: Answers = serde_json::from_value(json!({ "transport": answer })).unwrap();
        form.check(&answers, true, today())
            .into_iter()
            .map(|e| e.code)
            .collect()
    };
    assert!(check(json!(["morning", "evening"])).is_empty());
    assert!(check(json!(["none"])).is_empty());
    assert_eq!(check(json!(["morning", "none"])), ["exclusive_choice"]);
    let mut wrong = form.clone();
    wrong.steps[0].fields[0].exclusive = Some("jamais".into());
    wrong.steps[0].fields[0].choices.pop();
    let problems = wrong.problems().join("; ");
    assert!(problems.contains("`exclusive` names one of"), "{problems}");
    assert!(problems.contains("transport field"), "{problems}");
}
