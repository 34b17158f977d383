//! Quiévrechain's "Fiche enfant" at the keyboard alone: the child added with "+ Ajouter
//! un enfant" (its modal checked before it closes), the school and the activities, the
//! recap; an agent accepts it, and the family's profile shows the child, its school and
//! its activities. Desktop and phone width, axe-core.

use domain::auth::Role;
use tests::{people, TestApp};

use crate::driver::Browser;

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const ESCAPE: &str = "\u{e00c}";
const DOWN: &str = "\u{e015}";
const RIGHT: &str = "\u{e014}";

/// Tab, then these keys.
async fn next(b: &Browser, keys: &str) {
    b.keys(TAB).await;
    if !keys.is_empty() {
        b.keys(keys).await;
    }
}

#[tokio::test]
async fn a_parent_registers_a_new_child_by_keyboard_and_the_agent_accepts_it() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let agent_session = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let citizen = Browser::open(&app.address).await;
    citizen.log_in("pascal.dupin").await;
    citizen.goto("/demarches/fiche-enfant").await;
    citizen.click("#start-request").await;
    citizen
        .wait_text("#step-title", "Étape 1 sur 1 : Votre enfant")
        .await;
    // The fiche names its child: no "Personne concernée".
    citizen.wait_gone("#person_id").await;
    citizen
        .wait_text("#answer_child-hint", "Aucun enfant dans votre foyer")
        .await;

    // "+ Ajouter un enfant": the modal takes the focus.
    citizen
        .find("#child-add")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    citizen.find("#child-dialog[open]").await;
    citizen.wait_focus("child_sex_male").await;
    assert_eq!(citizen.value("#child_birth_country").await, "France");
    citizen.assert_accessible("Ajouter un enfant").await;
    // Sent empty, it names what is missing and stays open.
    citizen.keys(ENTER).await;
    let errors = citizen.wait_text("#child-errors", "Sexe").await;
    assert!(errors.contains("Nom de naissance"), "{errors}");
    assert!(errors.contains("Date de naissance"), "{errors}");
    // The summary's first link leads back to the first box.
    next(&citizen, ENTER).await;
    citizen.wait_focus("child_sex_male").await;
    citizen.keys(" ").await;
    next(&citizen, "Dupin").await;
    next(&citizen, "Tim").await;
    next(&citizen, "").await;
    next(&citizen, "").await;
    next(&citizen, "14").await;
    next(&citizen, "05").await;
    next(&citizen, "2019").await;
    next(&citizen, "").await;
    next(&citizen, "Valenciennes").await;
    next(&citizen, "59").await;
    citizen.keys(ENTER).await;
    citizen.wait_gone("#child-dialog[open]").await;
    citizen.wait_focus("answer_child").await;
    assert_eq!(citizen.value("#answer_child").await, "nouveau");
    citizen
        .wait_text("#answer_child", "DUPIN Tim (à ajouter)")
        .await;

    // The school, then the activities; the canteen needs the school.
    next(&citizen, "").await; // "Modifier l'enfant à ajouter"
    next(&citizen, DOWN).await; // Année scolaire: the current one
    next(&citizen, "").await; // Etablissement: left empty for now
    next(&citizen, "").await; // Niveau
    next(&citizen, "Mme PLUYART").await;
    next(&citizen, " ").await; // Restauration scolaire
    next(&citizen, "").await;
    next(&citizen, "").await;
    next(&citizen, RIGHT).await; // PAI: Oui -> Non
    next(&citizen, ENTER).await; // Suivant
    let errors = citizen.wait_text("#request-errors", "Etablissement").await;
    assert!(errors.contains("Niveau"), "{errors}");
    citizen
        .assert_accessible("Fiche enfant: the school missing")
        .await;
    // The summary has the focus; its first link leads to the first field to correct.
    citizen.wait_focus("request-errors").await;
    next(&citizen, ENTER).await;
    citizen.wait_focus("answer_establishment").await;
    citizen.keys(DOWN).await;
    next(&citizen, &DOWN.repeat(5)).await; // CP
    assert_eq!(citizen.value("#answer_level").await, "CP");

    // At a phone's width, the modal fits; Échap closes it and keeps the child.
    citizen.phone().await;
    citizen.assert_fits("Fiche enfant (téléphone)").await;
    citizen
        .find("#child-add")
        .await
        .send_keys(ENTER)
        .await
        .unwrap();
    citizen.find("#child-dialog[open]").await;
    assert_eq!(citizen.value("#child_first_name").await, "Tim");
    citizen.assert_fits("Ajouter un enfant (téléphone)").await;
    citizen.keys(ESCAPE).await;
    citizen.wait_gone("#child-dialog[open]").await;
    citizen.wait_focus("child-add").await;
    assert_eq!(citizen.value("#answer_child").await, "nouveau");

    citizen.click("#step-next").await;
    let recap = citizen
        .wait_text("main", "Récapitulatif de la demande")
        .await;
    for shown in [
        "DUPIN Tim, né(e) le 14/05/2019 à Valenciennes (à ajouter au foyer)",
        "Ecole élémentaire Jean-Marie Brison",
        "CP",
        "Mme PLUYART",
        "Restauration scolaire",
    ] {
        assert!(recap.contains(shown), "{shown} in {recap}");
    }
    assert!(!recap.contains("Personne concernée"), "{recap}");
    citizen.assert_fits("Fiche enfant recap (téléphone)").await;
    citizen.click("#request-submit").await;
    citizen.wait_text("main", "a bien été enregistrée").await;

    // The agent accepts it in the SPA.
    let agent = Browser::open(&app.address).await;
    agent
        .log_in(agent_session["account"]["login"].as_str().unwrap())
        .await;
    agent.goto("/agent/demandes").await;
    agent.wait_text("#request-row-1", "Fiche enfant").await;
    agent.click("#request-open-1").await;
    agent.wait_text("main", "DUPIN Tim").await;
    agent.click("#agent-take").await;
    agent.wait_text("#agent-status", "prise en charge").await;

    // On paper: the commune and the request on top, the answers and the documents with
    // their status; no banner, no buttons, no forms.
    agent.media("print").await;
    agent
        .wait_text(
            "#print-header",
            "Ville de Quiévrechain — Demande n° 1 – Fiche enfant",
        )
        .await;
    assert!(agent.displayed("#print-header").await);
    assert!(agent.displayed("#request-answers-title").await);
    assert!(agent.displayed("#request-documents-title").await);
    for hidden in [
        ".site-header",
        "#print-request",
        "#agent-accept",
        "#correction-title",
    ] {
        assert!(!agent.displayed(hidden).await, "{hidden} printed");
    }
    let page = agent.wait_text("main", "DUPIN Tim").await;
    assert!(
        page.contains("Ecole élémentaire Jean-Marie Brison"),
        "{page}"
    );
    agent.media("").await;
    agent.click("#agent-accept").await;
    agent.click("#agent-confirm").await;
    agent.wait_text("#agent-status", "acceptée").await;
    agent.close().await;

    // The child, its school and its activities are in the profile.
    citizen.goto("/mon-compte/profil").await;
    let activities = citizen
        .wait_text("#activities", "Restauration scolaire")
        .await;
    assert!(activities.contains("DUPIN Tim"), "{activities}");
    citizen
        .wait_text("main", "Ecole élémentaire Jean-Marie Brison")
        .await;
    citizen
        .assert_fits("Profile with activities (téléphone)")
        .await;
    citizen.assert_accessible("Profile with activities").await;

    // Next school year, the fiche starts from this one: the child (now in the household),
    // the school and the activities; the year and the level are asked again.
    citizen.goto("/mes-demandes/1").await;
    citizen.click("#renew-fiche").await;
    citizen
        .wait_text(
            "#reused-answers",
            "Les réponses de l'an dernier sont reprises de votre demande n° 1",
        )
        .await;
    citizen.click("#start-request").await;
    citizen
        .wait_text("#step-title", "Étape 1 sur 1 : Votre enfant")
        .await;
    citizen.wait_text("#answer_child", "DUPIN Tim").await;
    assert_ne!(citizen.value("#answer_child").await, "nouveau");
    citizen
        .wait_text(
            "#answer_child-schooling",
            "Cet usager possède une inscription scolaire : Ecole élémentaire Jean-Marie Brison, CP",
        )
        .await;
    assert_eq!(
        citizen.value("#answer_establishment").await,
        "Ecole élémentaire Jean-Marie Brison"
    );
    assert_eq!(citizen.value("#answer_level").await, "");
    assert_eq!(citizen.value("#answer_school_year").await, "");
    let ticked = citizen
        .find("#answer_activities_restauration-scolaire")
        .await
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(ticked.as_deref(), Some("true"));
    citizen.assert_accessible("Fiche enfant renewed").await;
    citizen.close().await;
}

#[tokio::test]
async fn an_agent_corrects_the_level_with_a_reason_and_the_history_keeps_it() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let citizen = session["access_token"].as_str().unwrap().to_string();
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let procedure = app.get_json("/api/procedures/fiche-enfant", &citizen).await;
    let tim = serde_json::json!({"sex": "male", "birth_name": "Dupin", "first_name": "Tim",
        "birth_date": "2019-05-14", "birth_country": "France", "birth_city": "Valenciennes",
        "birth_department": "59"});
    let answers = tests::documents::fiche_answers(&procedure, tim);
    let sent = tests::documents::send_fiche(&app, &citizen, &answers).await;
    assert!(sent.status().is_success());
    let token = agent["access_token"].as_str().unwrap();
    let taken = app
        .post_auth("/api/agent/requests/1/take", token, &serde_json::json!({}))
        .await;
    assert!(taken.status().is_success());

    let b = Browser::open(&app.address).await;
    b.log_in(agent["account"]["login"].as_str().unwrap()).await;
    b.phone().await;
    b.goto("/agent/demandes/1").await;
    b.wait_text("#correction-title", "Corriger une réponse")
        .await;
    b.find("#correction-field")
        .await
        .send_keys("Niveau")
        .await
        .unwrap();
    assert_eq!(b.value("#answer_level").await, "CP");
    b.find("#answer_level")
        .await
        .send_keys("CE1")
        .await
        .unwrap();
    assert_eq!(b.value("#answer_level").await, "CE1");
    b.click("#correction-submit").await;
    b.wait_text("#correction-reason-error", "obligatoire").await;
    b.assert_accessible("Corriger une réponse: the reason missing")
        .await;
    b.fill("#correction-reason", "L'école indique le CE1.")
        .await;
    b.click("#correction-submit").await;
    b.wait_text("#correction-status", "La réponse a été corrigée")
        .await;
    b.wait_text(
        "main",
        "Correction de « Niveau » : « CP » → « CE1 ». Motif : L'école indique le CE1.",
    )
    .await;
    b.assert_fits("Corriger une réponse (téléphone)").await;
    b.close().await;
}
