//! Groups (the persons to contact), signatures and notices.

use chrono::NaiveDate;
use serde_json::json;

use super::*;

fn form() -> FormDefinition {
    serde_json::from_value(json!({"steps": [{"title": "Contacts", "fields": [
        {"name": "intro", "label": "Personnes à contacter", "kind": "notice"},
        {"name": "contacts", "label": "Personnes à contacter", "kind": "group", "min": 1, "max": 3,
         "required": true, "saved_as": "contacts", "fields": [
            {"name": "last_name", "label": "Nom", "kind": "text", "required": true, "max_length": 80},
            {"name": "first_name", "label": "Prénom", "kind": "text", "required": true, "max_length": 80},
            {"name": "relation", "label": "Lien avec l'enfant", "kind": "text", "required": true, "max_length": 80},
            {"name": "phone", "label": "Téléphone", "kind": "phone", "required": true},
            {"name": "pickup", "label": "Autorisé(e) à venir chercher l'enfant", "kind": "checkbox"},
        ]},
        {"name": "photos", "label": "Photos", "kind": "yes_no", "required": true, "saved_as": "authorisation"},
        {"name": "signature", "label": "Je certifie sur l'honneur l'exactitude des informations.",
         "kind": "signature", "required": true},
    ]}]}))
    .unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn codes(answers: serde_json::Value, complete: bool) -> Vec<(String, String)> {
    let answers: Answers = serde_json::from_value(answers).unwrap();
    let mut codes: Vec<_> = form()
        .check(&answers, complete, today())
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect();
    codes.sort();
    codes
}

fn odile() -> serde_json::Value {
    json!({"last_name": "Martin", "first_name": "Odile", "relation": "Grand-mère",
           "phone": "06 12 34 56 78", "pickup": true})
}

fn signed() -> serde_json::Value {
    json!({"certified": true, "name": "DUPIN Pascal"})
}

#[test]
fn a_complete_fiche_passes_and_its_contacts_are_read() {
    let answers = json!({"contacts": [odile(), {"last_name": "Bernard", "first_name": "Luc",
        "relation": "Voisin", "phone": "0321000000"}], "photos": false, "signature": signed()});
    assert!(codes(answers.clone(), true).is_empty());
    let answers: Answers = serde_json::from_value(answers).unwrap();
    let contacts = contacts(&form(), &answers);
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0].last_name, "MARTIN");
    assert!(contacts[0].pickup && !contacts[1].pickup);
    assert_eq!(contacts[1].relation, "Voisin");
    let group = form().field("contacts").unwrap().clone();
    assert_eq!(
        group.display(&json!([odile()])),
        "Martin, Odile, Grand-mère, 06 12 34 56 78, Autorisé(e) à venir chercher l'enfant"
    );
    let signature = form().field("signature").unwrap().clone();
    assert_eq!(signature.display(&signed()), "Signé par DUPIN Pascal");
}

#[test]
fn each_item_is_checked_where_it_is() {
    let mut wrong = odile();
    wrong["phone"] = json!("12");
    wrong["age"] = json!(70);
    wrong.as_object_mut().unwrap().remove("relation");
    let answers =
        json!({"contacts": [odile(), wrong, "Luc"], "photos": true, "signature": signed()});
    assert_eq!(
        codes(answers.clone(), true),
        [
            (
                "answers.contacts.1.age".to_string(),
                "unknown_field".to_string()
            ),
            ("answers.contacts.1.phone".into(), "invalid_phone".into()),
            ("answers.contacts.1.relation".into(), "required".into()),
            ("answers.contacts.2".into(), "invalid_type".into()),
        ]
    );
    // A draft's item may be unfinished, never wrong.
    assert_eq!(
        codes(answers, false),
        [
            (
                "answers.contacts.1.age".to_string(),
                "unknown_field".to_string()
            ),
            ("answers.contacts.1.phone".into(), "invalid_phone".into()),
            ("answers.contacts.2".into(), "invalid_type".into()),
        ]
    );
    // Between `min` and `max` items.
    let four = json!({"contacts": [odile(), odile(), odile(), odile()], "photos": true, "signature": signed()});
    assert_eq!(
        codes(four, true),
        [("answers.contacts".to_string(), "too_many_items".to_string())]
    );
    let none = json!({"contacts": [], "photos": true, "signature": signed()});
    assert_eq!(
        codes(none, true),
        [("answers.contacts".to_string(), "required".to_string())]
    );
    let text = json!({"contacts": "Odile", "photos": true, "signature": signed()});
    assert_eq!(
        codes(text, true),
        [("answers.contacts".to_string(), "invalid_type".to_string())]
    );
}

#[test]
fn a_signature_is_ticked_and_named_and_a_notice_takes_no_answer() {
    let with = |signature: serde_json::Value| json!({"contacts": [odile()], "photos": true, "signature": signature});
    assert_eq!(
        codes(with(json!({"certified": false, "name": " "})), true),
        [("answers.signature".to_string(), "required".to_string())]
    );
    assert_eq!(
        codes(
            with(json!({"certified": false, "name": "DUPIN Pascal"})),
            true
        ),
        [(
            "answers.signature.certified".to_string(),
            "must_accept".to_string()
        )]
    );
    assert!(codes(with(json!({"certified": false, "name": "DUPIN"})), false).is_empty());
    assert_eq!(
        codes(
            with(json!({"certified": true, "name": "DUPIN\u{202e}Pascal", "at": "now"})),
            false
        ),
        [
            (
                "answers.signature.at".to_string(),
                "unknown_field".to_string()
            ),
            ("answers.signature.name".into(), "invalid_characters".into()),
        ]
    );
    assert_eq!(
        codes(with(json!("DUPIN Pascal")), false),
        [("answers.signature".to_string(), "invalid_type".to_string())]
    );
    let mut answers = with(signed());
    answers["intro"] = json!("lu");
    assert_eq!(
        codes(answers, false),
        [("answers.intro".to_string(), "not_applicable".to_string())]
    );
}

#[test]
fn groups_and_what_is_recorded_are_checked_at_start() {
    assert!(form().problems().is_empty(), "{:?}", form().problems());
    let mut form = form();
    let group = &mut form.steps[0].fields[1];
    group.fields.retain(|f| f.name != "phone");
    group.fields[0].kind = FieldKind::Child;
    group.max = None;
    form.steps[0].fields[2].saved_as = Some(SavedAs::Contacts);
    form.steps[0].fields[0].required = true;
    form.steps[0].fields[3].fields = form.steps[0].fields[1].fields.clone();
    form.steps[0].fields[1].fields[1].saved_as = Some(SavedAs::Health);
    let problems = form.problems().join("; ");
    for expected in [
        "needs a required `phone`",
        "`last_name` must be a simple field",
        "needs `max`",
        "`Contacts` is not recorded from a YesNo field",
        "field `intro` is never answered",
        "only a group has `fields`",
        "cannot be `saved_as` (the group is)",
    ] {
        assert!(problems.contains(expected), "{expected} in {problems}");
    }
}
