//! A procedure's form is configuration: steps of typed fields. The server validates the
//! answers with [`FormDefinition::check`]; the SPA renders the form generically and runs
//! the same check before sending.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

mod address;
mod check;
mod display;
mod group;
mod person;
mod problems;
mod reuse;
mod sources;

pub use address::new_address;
pub use group::{contacts, ChildContact, Signature};
pub use person::{NewPerson, PersonAnswer, ADULT_AGE};
pub use sources::{school_year_choices, school_year_label, school_year_of, ChoiceSource};

/// How far ahead an `upcoming` date may lie.
pub const UPCOMING_DAYS: i64 = 2 * 366;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"steps": [{"title": "Votre événement", "fields": [{"name": "event_date", "label": "Date de l'événement", "kind": "date", "required": true, "dates": "upcoming"}, {"name": "guests", "label": "Nombre de personnes attendues", "kind": "number", "required": true, "min": 1, "max": 150}]}]})))]
pub struct FormDefinition {
    #[serde(default)]
    pub steps: Vec<FormStep>,
    /// What the family reads once the request is sent ("Nous vous rappelons que les
    /// justificatifs… sont obligatoires"), paragraphs separated by blank lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"title": "Votre événement", "fields": [{"name": "event_date", "label": "Date de l'événement", "kind": "date", "required": true, "dates": "upcoming"}, {"name": "guests", "label": "Nombre de personnes attendues", "kind": "number", "required": true, "min": 1, "max": 150}]})))]
pub struct FormStep {
    pub title: String,
    #[serde(default)]
    pub fields: Vec<FieldDefinition>,
    /// The family's answers (the responsable, the partner, the persons to contact): kept
    /// when the family starts the fiche of another child from this one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub family: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "guests", "label": "Nombre de personnes attendues", "kind": "number", "required": true, "min": 1, "max": 150})))]
pub struct FieldDefinition {
    /// Key of the answer, `snake_case`.
    pub name: String,
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// For `select`, `radio` and `checkboxes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// For text fields; 200 (`text`) or 4000 (`textarea`) when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// For `number`: the smallest answer accepted (required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// For `number`: the largest answer accepted (required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// For `date`: where the date must lie (required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<DateRule>,
    /// Asked only when an earlier answer has a value ("Mon enfant a besoin d'un PAI" ->
    /// its details); a hidden field is neither required nor accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_when: Option<FieldCondition>,
    /// Required only when an earlier answer has a value (the school, when the child eats
    /// at the canteen); `required` then stays `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_when: Option<FieldCondition>,
    /// Where the choices come from when the commune's configuration lists them (its
    /// activities, schools, levels) or the calendar does (school years); the server fills
    /// `choices` from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices_from: Option<ChoiceSource>,
    /// For `group`: the fields of one item (simple kinds only). `min` and `max` then
    /// bound the number of items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub fields: Vec<FieldDefinition>,
    /// For `group`: what one item is called ("Personne" -> "Personne 2", "+ Ajouter :
    /// personne").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_label: Option<String>,
    /// What the acceptance of a fiche enfant records from this answer on the child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_as: Option<SavedAs>,
    /// For `adult`: a person may be added ("+ Ajouter une personne").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_add: bool,
    /// For `checkboxes`: the choice that excludes the others ("Mon enfant n'emprunte pas
    /// les transports scolaires").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusive: Option<String>,
}

/// What the acceptance of a fiche enfant makes of an answer, besides keeping it on the
/// request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SavedAs {
    /// A `group` of persons to contact and/or authorised to pick the child up; its items
    /// have `last_name`, `first_name`, `relation`, `phone` and may have `other_phone`,
    /// `pickup` and `emergency`.
    Contacts,
    /// The `adult` who is the child's legal guardian ("Responsable légal"); the account
    /// holder when the form has none.
    Guardian,
    /// The `adult` who is the guardian's partner ("Conjoint"): added to the household
    /// when new, linked as `partner`.
    Partner,
    /// The `checkboxes` of the school transport: choices `morning`, `evening` and the
    /// exclusive `none`; recorded for the school year.
    Transport,
    /// A `yes_no` authorisation ("J'autorise la prise de photographies…"), recorded with
    /// its wording and date.
    Authorisation,
    /// Health information (RGPD art. 9: vaccination dates, allergies, treatment, doctor,
    /// PAI), recorded on the child as its label and the answer in words. Agents see it
    /// only with the health permission, and each time is logged.
    Health,
}

/// "When the answer to `field` is `equals`" (for a list of choices: includes it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"field": "pai", "equals": true})))]
pub struct FieldCondition {
    pub field: String,
    /// An answer of that field (`true` / `false` for a yes/no, a choice's value).
    #[cfg_attr(feature = "openapi", schema(value_type = AnswerValue))]
    pub equals: Value,
}

impl FieldCondition {
    pub fn holds(&self, answers: &Answers) -> bool {
        match answers.get(&self.field) {
            Some(Value::Array(items)) if !self.equals.is_array() => items.contains(&self.equals),
            given => given == Some(&self.equals),
        }
    }
}

/// Where the answer of a `date` field may lie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateRule {
    /// From 1 January 1900 to today (a date of birth, a past event).
    Past,
    /// After today, at most [`UPCOMING_DAYS`] ahead (a booking, an event to come).
    Upcoming,
    /// Any date from 1900 on, at most [`UPCOMING_DAYS`] ahead (a period, a deadline).
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"value": "mariage", "label": "Mariage"})))]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The kind of a field, and the JSON type of its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// String, one line.
    Text,
    /// String, several lines.
    Textarea,
    /// String `YYYY-MM-DD`.
    Date,
    /// String, an e-mail address.
    Email,
    /// String, a phone number.
    Phone,
    /// Number (integer).
    Number,
    /// String, one of the choices (drop-down list).
    Select,
    /// String, one of the choices (radio buttons).
    Radio,
    /// Boolean (one box, e.g. an agreement).
    Checkbox,
    /// Boolean, answered "Oui" or "Non" (both are answers).
    YesNo,
    /// Array of strings, among the choices.
    Checkboxes,
    /// A child of the household: the id of a person already in it, or a child to add
    /// ("+ Ajouter un enfant") as a [`NewPerson`] object, added when the request is
    /// accepted. The request then concerns that child.
    Child,
    /// An adult of the household ("Responsable légal", "Conjoint"): the id of a person
    /// already in it or, when `allow_add`, an adult to add as a [`NewPerson`] object.
    Adult,
    /// One of the account holder's addresses (its id), or a new one ("Ajouter une
    /// adresse") as an address object, added to the profile when the request is accepted.
    Address,
    /// Array of objects, one per item ("Autres personnes à contacter"): each answers the
    /// group's `fields` by name.
    Group,
    /// No answer: a text shown in the step (its `label`, then its `help`).
    Notice,
    /// No answer: the documents the request needs (its procedure's and those an agent
    /// asked for), each with where it stands, to upload there ("Déposer") or already
    /// provided and valid. Under its `label` and `help`.
    Documents,
    /// A [`Signature`] object: the certification on honour (the field's `label`) ticked
    /// and the signer's name typed; the server records the account and the time.
    Signature,
}

impl FieldKind {
    /// Whether the field holds an answer (a notice or the documents list shows only).
    pub fn answered(self) -> bool {
        !matches!(self, FieldKind::Notice | FieldKind::Documents)
    }
}

/// Answers by field name.
pub type Answers = BTreeMap<String, Value>;

/// One answer, of the JSON type its field's kind gives (see [`FieldKind`]): text for
/// `text`, `textarea`, `date` (`YYYY-MM-DD`), `email`, `phone`, `select` and `radio`; an
/// integer for `number`; a boolean for `checkbox` and `yes_no`; a list of choice values for
/// `checkboxes`; a person id or a new person for `child` and `adult`; an address id or a
/// new address for `address`; a list of objects for `group`; a
/// signature for `signature`. The spec's type only: answers are kept as JSON and checked against the
/// form.
#[cfg(feature = "openapi")]
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum AnswerValue {
    Text(String),
    Number(i64),
    Flag(bool),
    Choices(Vec<String>),
    NewPerson(NewPerson),
    NewAddress(crate::profile::AddressInput),
    Items(Vec<BTreeMap<String, ItemAnswer>>),
    Signature(Signature),
}

/// The answer of one field of a `group`'s item: text, a number or a box ticked or not.
/// The spec's type only.
#[cfg(feature = "openapi")]
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum ItemAnswer {
    Text(String),
    Number(i64),
    Flag(bool),
}

impl FieldDefinition {
    /// Health information (RGPD art. 9): see [`SavedAs::Health`].
    pub fn is_health(&self) -> bool {
        self.saved_as == Some(SavedAs::Health)
    }
}

impl FormDefinition {
    /// The form of a procedure that configures none: an object and a message.
    pub fn message() -> FormDefinition {
        let field = |name: &str, label: &str, kind, max_length| FieldDefinition {
            name: name.into(),
            label: label.into(),
            kind,
            required: true,
            help: None,
            choices: Vec::new(),
            max_length: Some(max_length),
            min: None,
            max: None,
            dates: None,
            shown_when: None,
            required_when: None,
            choices_from: None,
            fields: Vec::new(),
            item_label: None,
            saved_as: None,
            allow_add: false,
            exclusive: None,
        };
        FormDefinition {
            steps: vec![FormStep {
                title: "Votre demande".into(),
                fields: vec![
                    field("subject", "Objet", FieldKind::Text, 200),
                    field("message", "Message", FieldKind::Textarea, 4000),
                ],
                family: false,
            }],
            confirmation: None,
        }
    }

    pub fn fields(&self) -> impl Iterator<Item = &FieldDefinition> {
        self.steps.iter().flat_map(|s| s.fields.iter())
    }

    pub fn field(&self, name: &str) -> Option<&FieldDefinition> {
        self.fields().find(|f| f.name == name)
    }

    /// Whether `field` must be answered, given the answers so far.
    pub fn required(&self, field: &FieldDefinition, answers: &Answers) -> bool {
        field.required
            || field
                .required_when
                .as_ref()
                .is_some_and(|c| c.holds(answers))
    }

    /// The `child` field: the child a fiche concerns.
    pub fn child_field(&self) -> Option<&FieldDefinition> {
        self.fields().find(|f| f.kind == FieldKind::Child)
    }

    /// The child to add that a fiche names ("+ Ajouter un enfant"): none when it names a
    /// child of the household, or names none.
    pub fn new_child(&self, answers: &Answers) -> Option<NewPerson> {
        let field = self.child_field()?;
        match answers.get(&field.name).and_then(PersonAnswer::read)? {
            PersonAnswer::New(child) => Some(child),
            PersonAnswer::Member(_) => None,
        }
    }

    /// The health answers given (RGPD art. 9), in the form's order: each field with
    /// the answer in words.
    pub fn health_answers(&self, answers: &Answers) -> Vec<(&FieldDefinition, String)> {
        self.fields()
            .filter(|f| f.is_health() && self.shown(f, answers))
            .filter_map(|f| Some((f, f.display(answers.get(&f.name)?))))
            .filter(|(_, value)| !value.trim().is_empty())
            .collect()
    }

    /// Takes the health answers out (for an agent without the health permission);
    /// returns the names of those there were.
    pub fn withhold_health(&self, answers: &mut Answers) -> Vec<String> {
        self.fields()
            .filter(|f| f.is_health())
            .filter_map(|f| answers.remove(&f.name).map(|_| f.name.clone()))
            .collect()
    }

    /// Whether `field` is asked, given the answers so far.
    pub fn shown(&self, field: &FieldDefinition, answers: &Answers) -> bool {
        field.shown_when.as_ref().is_none_or(|c| c.holds(answers))
    }

    /// The answers of the fields asked: those the form has and shows.
    pub fn asked(&self, answers: &Answers) -> Answers {
        answers
            .iter()
            .filter(|(name, _)| self.field(name).is_some_and(|f| self.shown(f, answers)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fiche_tests;

#[cfg(test)]
mod group_tests;

#[cfg(test)]
mod people_tests;
