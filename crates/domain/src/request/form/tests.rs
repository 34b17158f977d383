//! Tests of the parent module.

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::problem::FieldError;

fn form() -> FormDefinition {
    serde_json::from_value(json!({"steps": [{"title": "Votre demande", "fields": [
        {"name": "subject", "label": "Objet", "kind": "text", "required": true, "max_length": 10},
        {"name": "date", "label": "Date", "kind": "date", "dates": "upcoming"},
        {"name": "born", "label": "Né le", "kind": "date", "dates": "past"},
        {"name": "guests", "label": "Invités", "kind": "number", "min": 1, "max": 150},
        {"name": "room", "label": "Salle", "kind": "select", "required": true,
         "choices": [{"value": "fetes", "label": "Salle des fêtes"}]},
        {"name": "terms", "label": "J'accepte", "kind": "checkbox", "required": true},
    ]}]}))
    .unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn answers(value: serde_json::Value) -> Answers {
    serde_json::from_value(value).unwrap()
}

fn codes(errors: Vec<FieldError>) -> Vec<(String, String)> {
    errors.into_iter().map(|e| (e.field, e.code)).collect()
}

#[test]
fn complete_answers_pass_and_drafts_may_be_incomplete() {
    let ok = answers(
        json!({"subject": "Mariage", "date": "2027-06-12", "room": "fetes", "terms": true}),
    );
    assert!(form().check(&ok, true, today()).is_empty());
    assert!(form()
        .check(&answers(json!({"subject": "Mariage"})), false, today())
        .is_empty());
    assert_eq!(
        codes(form().check(&answers(json!({"subject": "Mariage"})), true, today())),
        [
            ("answers.room".to_string(), "required".to_string()),
            ("answers.terms".into(), "required".into())
        ]
    );
}

#[test]
fn wrong_answers_are_named() {
    let bad = answers(
        json!({"subject": "Beaucoup trop long", "date": "12/06/2027", "room": "piscine", "extra": 1}),
    );
    assert_eq!(
        codes(form().check(&bad, false, today())),
        [
            ("answers.extra".to_string(), "unknown_field".to_string()),
            ("answers.subject".into(), "too_long".into()),
            ("answers.date".into(), "invalid_date".into()),
            ("answers.room".into(), "invalid_value".into()),
        ]
    );
}

#[test]
fn numbers_and_dates_must_be_plausible() {
    let wrong = |value: serde_json::Value| codes(form().check(&answers(value), false, today()));
    assert_eq!(
        wrong(json!({"guests": 500, "date": "2020-06-12", "born": "2027-01-01"})),
        [
            ("answers.date".to_string(), "date_not_upcoming".to_string()),
            ("answers.born".into(), "date_in_future".into()),
            ("answers.guests".into(), "too_large".into()),
        ]
    );
    assert_eq!(
        wrong(json!({"guests": 0, "date": "2026-12-01", "born": "1899-12-31"})),
        [
            ("answers.date".to_string(), "date_not_upcoming".to_string()),
            ("answers.born".into(), "date_too_old".into()),
            ("answers.guests".into(), "too_small".into()),
        ]
    );
    assert_eq!(
        wrong(json!({"date": "2029-01-01"})),
        [("answers.date".to_string(), "date_too_far".to_string())]
    );
    let ok = json!({"guests": 150, "date": "2026-12-02", "born": "2026-12-01"});
    assert!(wrong(ok).is_empty());
    let message = form().check(&answers(json!({"guests": 151})), false, today());
    assert_eq!(message[0].message, "Saisissez un nombre entre 1 et 150.");
}

#[test]
fn free_text_refuses_control_and_bidi_override_characters() {
    for bad in [
        "Mar\u{0}iage",
        "Mar\u{202E}iage",
        "Ma\nriage",
        "Mar\u{2066}iage",
    ] {
        assert_eq!(
            codes(form().check(&answers(json!({"subject": bad})), false, today())),
            [(
                "answers.subject".to_string(),
                "invalid_characters".to_string()
            )],
            "{bad:?}"
        );
    }
    assert!(form()
        .check(&answers(json!({"subject": "مرحبا"})), false, today())
        .is_empty());
}

#[test]
fn a_form_without_bounds_is_a_configuration_mistake() {
    assert!(form().problems().is_empty());
    let unbounded: FormDefinition =
        serde_json::from_value(json!({"steps": [{"title": "É", "fields": [
            {"name": "n", "label": "N", "kind": "number", "min": 3, "max": 1},
            {"name": "d", "label": "D", "kind": "date"},
            {"name": "Bad-Name", "label": "S", "kind": "select"},
        ]}]}))
        .unwrap();
    assert_eq!(unbounded.problems().len(), 4, "{:?}", unbounded.problems());
}

#[test]
fn answers_display_as_people_read_them() {
    let f = form();
    assert_eq!(
        f.field("date").unwrap().display(&json!("2027-06-12")),
        "12/06/2027"
    );
    assert_eq!(
        f.field("room").unwrap().display(&json!("fetes")),
        "Salle des fêtes"
    );
    assert_eq!(f.field("terms").unwrap().display(&json!(true)), "Oui");
}

fn pai_form() -> FormDefinition {
    serde_json::from_value(json!({"steps": [{"title": "Enfant", "fields": [
        {"name": "pai", "label": "Mon enfant a besoin d'un PAI", "kind": "yes_no", "required": true},
        {"name": "pai_details", "label": "Précisions sur le PAI", "kind": "textarea", "required": true,
         "shown_when": {"field": "pai", "equals": true}},
    ]}]}))
    .unwrap()
}

#[test]
fn no_is_an_answer_to_a_yes_no_question_and_its_details_are_asked_only_for_yes() {
    let form = pai_form();
    // "Non" answers the question; the details are not asked, and not taken.
    assert!(form
        .check(&answers(json!({"pai": false})), true, today())
        .is_empty());
    assert_eq!(
        codes(form.check(
            &answers(json!({"pai": false, "pai_details": "Allergie"})),
            true,
            today()
        )),
        [("answers.pai_details".into(), "not_applicable".into())]
    );
    // "Oui" asks for them.
    assert_eq!(
        codes(form.check(&answers(json!({"pai": true})), true, today())),
        [("answers.pai_details".into(), "required".into())]
    );
    assert!(form
        .check(
            &answers(json!({"pai": true, "pai_details": "Allergie aux arachides"})),
            true,
            today()
        )
        .is_empty());
    // Unanswered, the question is required; a text is not a yes or a no.
    assert_eq!(
        codes(form.check(&answers(json!({})), true, today())),
        [("answers.pai".into(), "required".into())]
    );
    assert_eq!(
        codes(form.check(&answers(json!({"pai": "oui"})), true, today())),
        [("answers.pai".into(), "invalid_type".into())]
    );
    let question = form.field("pai").unwrap();
    assert_eq!(question.display(&json!(false)), "Non");
    // Only the answers of the questions asked are kept for sending.
    let asked = form.asked(&answers(json!({"pai": false, "pai_details": "Allergie"})));
    assert_eq!(asked, answers(json!({"pai": false})));
}

#[test]
fn a_condition_must_read_an_earlier_field_and_an_answer_it_can_have() {
    let mut form = pai_form();
    assert!(form.problems().is_empty(), "{:?}", form.problems());
    form.steps[0].fields[1].shown_when = Some(FieldCondition {
        field: "pai".into(),
        equals: json!("oui"),
    });
    assert_eq!(form.problems().len(), 1, "{:?}", form.problems());
    form.steps[0].fields[1].shown_when = Some(FieldCondition {
        field: "later".into(),
        equals: json!(true),
    });
    assert_eq!(form.problems().len(), 1, "{:?}", form.problems());
}
