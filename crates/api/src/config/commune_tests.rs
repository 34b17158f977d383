//! Tests of the commune configuration.

use super::*;

#[test]
fn every_preset_loads_with_unique_slugs() {
    for (name, _) in PRESETS {
        let mut c = CommuneSettings {
            preset: Some(name.into()),
            ..Default::default()
        };
        c.resolve().unwrap();
        assert!(!c.catalogue().is_empty(), "{name}");
        let mut slugs: Vec<&str> = c
            .catalogue()
            .iter()
            .flat_map(|cat| cat.procedures.iter().map(|p| p.slug.as_str()))
            .collect();
        let count = slugs.len();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), count, "{name} repeats a slug");
    }
}

fn with_catalogue(toml_text: &str) -> Result<(), String> {
    let catalogue: CommuneSettings = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    let mut c = CommuneSettings {
        catalogue: catalogue.catalogue,
        ..Default::default()
    };
    c.resolve()
}

#[test]
fn a_mistyped_kind_or_an_unbounded_number_stops_the_start() {
    let procedure = |extra: &str| {
        format!(
            "[[catalogue]]\nname = \"Vie\"\n[[catalogue.procedures]]\nslug = \"x\"\ntitle = \"X\"\n{extra}"
        )
    };
    let kind = with_catalogue(&procedure("kind = \"personal_data_updat\"")).unwrap_err();
    assert!(kind.contains("personal_data_updat"), "{kind}");
    let fields = "[[catalogue.procedures.form.steps]]\ntitle = \"Étape\"\n[[catalogue.procedures.form.steps.fields]]\nname = \"age\"\nlabel = \"Âge\"\nkind = \"number\"";
    let unbounded = with_catalogue(&procedure(fields)).unwrap_err();
    assert!(
        unbounded.contains("number field `age` needs `min`"),
        "{unbounded}"
    );
    let typo = with_catalogue(&procedure(&format!("{fields}\nmini = 0"))).unwrap_err();
    assert!(typo.contains("mini"), "{typo}");
    assert!(with_catalogue(&procedure(&format!("{fields}\nmin = 0\nmax = 120"))).is_ok());
}

#[test]
fn a_fiche_enfant_names_one_child_and_draws_on_the_activities() {
    let procedure = |kind: &str, fields: &str| {
        format!(
            "activities = [{{ code = \"cantine\", name = \"Cantine\" }}]\n[[catalogue]]\nname = \"Enfance\"\n[[catalogue.procedures]]\nslug = \"fiche\"\ntitle = \"Fiche\"\nkind = \"{kind}\"\n[[catalogue.procedures.form.steps]]\ntitle = \"Enfant\"\n{fields}"
        )
    };
    let field = |name: &str, kind: &str, extra: &str| {
        format!("[[catalogue.procedures.form.steps.fields]]\nname = \"{name}\"\nlabel = \"{name}\"\nkind = \"{kind}\"\n{extra}\n")
    };
    let child = field("child", "child", "required = true");
    let year = field("year", "select", "choices_from = \"school_years\"");
    let activities = field("activities", "checkboxes", "choices_from = \"activities\"");
    let load = |text: String| {
        let parsed: CommuneSettings = toml::from_str(&text).map_err(|e| e.to_string())?;
        let mut c = CommuneSettings {
            catalogue: parsed.catalogue,
            activities: parsed.activities,
            // Not the preset's schools.
            schools: Some(Vec::new()),
            ..Default::default()
        };
        c.resolve().map(|()| c)
    };
    let whole = format!("{child}{year}{activities}");
    let c = load(procedure("child_registration", &whole)).unwrap();
    let form = c.catalogue()[0].procedures[0].form.clone().unwrap();
    assert_eq!(
        form.field("activities").unwrap().choices[0].label,
        "Cantine"
    );
    assert_eq!(form.field("year").unwrap().choices.len(), 2);
    // A child in a generic procedure, or a fiche without one.
    let generic = load(procedure("generic", &whole)).unwrap_err();
    assert!(generic.contains("asks for one `child`"), "{generic}");
    let childless = load(procedure(
        "child_registration",
        &format!("{year}{activities}"),
    ))
    .unwrap_err();
    assert!(childless.contains("asks for one `child`"), "{childless}");
    // A fiche enrols in the activities of a school year: it asks for both.
    let no_year = load(procedure(
        "child_registration",
        &format!("{child}{activities}"),
    ))
    .unwrap_err();
    assert!(no_year.contains("SchoolYears"), "{no_year}");
    // Schools drawn from a list the commune does not give: a select without choices.
    let schools = field("school", "select", "choices_from = \"schools\"");
    let empty = load(procedure(
        "child_registration",
        &format!("{whole}{schools}"),
    ))
    .unwrap_err();
    assert!(empty.contains("school"), "{empty}");
}
