//! Sarrians' fiche enfant in its ten steps, with the vaccination dates and the health
//! step. An agent without the health permission reads "réservée aux agents habilités"
//! in place of the health answers; once the admin grants it on "Comptes des agents",
//! she reads them and the admin's log shows her reading. After acceptance the family's
//! profile shows the child's health information. Desktop and phone width, axe-core.

use domain::auth::Role;
use serde_json::json;
use tests::{people, TestApp};

use crate::driver::Browser;
use crate::person_modal::{add_address, add_person, Person};

async fn fill_date(b: &Browser, field: &str, [day, month, year]: [&str; 3]) {
    for (part, text) in [("day", day), ("month", month), ("year", year)] {
        b.fill(&format!("#answer_{field}_{part}"), text).await;
    }
}

#[tokio::test]
async fn a_parent_gives_the_health_step_and_only_an_authorised_agent_reads_it() {
    let app = TestApp::spawn_for_commune("sarrians").await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let admin = app
        .create_staff("maire@mairie.fr", "Martine", Role::Admin)
        .await;
    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.goto("/demarches/fiche-enfant").await;
    b.wait_text("main", "Cette démarche prend 10 minutes").await;
    b.click("#terms_accepted").await;
    b.click("#start-request").await;
    b.wait_text("#step-title", "Étape 1 sur 10 : Information préalable")
        .await;
    b.wait_text("main", "carnet de santé").await;
    b.click("#step-next").await;

    b.wait_text("#step-title", "Étape 2 sur 10 : Responsable du dossier")
        .await;
    b.wait_text("#answer_guardian", "DUPIN Pascal").await;
    add_address(&b, "Sarrians", "84260", "Avenue du Ventoux").await;
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 3 sur 10 : Conjoint")
        .await;
    b.click("#answer_has_partner_false").await;
    b.click("#step-next").await;

    b.wait_text("#step-title", "Étape 4 sur 10 : Enfant").await;
    let lea = Person {
        sex: "female",
        birth_name: "Dupin",
        first_name: "Léa",
        born: ["21", "06", "2018"],
        city: "Carpentras",
        department: "84",
    };
    add_person(&b, "child", &lea).await;
    b.wait_gone("#child-dialog[open]").await;
    b.wait_text(
        "#answer_child-schooling",
        "Aucune inscription scolaire pour cet usager",
    )
    .await;
    b.click("#answer_transport_morning").await;
    b.find("#answer_school_year")
        .await
        .send_keys("Ann")
        .await
        .unwrap();
    b.click("#answer_activities_periscolaire").await;
    b.click("#step-next").await;

    b.wait_text("#step-title", "Étape 5 sur 10 : Autorisations")
        .await;
    b.click("#answer_photos_false").await;
    b.click("#answer_medical_care_true").await;
    b.click("#step-next").await;

    b.wait_text(
        "#step-title",
        "Étape 6 sur 10 : Informations liées à la vaccination",
    )
    .await;
    // The DT Polio date is required, and a date in the future is refused.
    b.click("#step-next").await;
    b.wait_text("#request-errors", "DT Polio").await;
    fill_date(&b, "vaccine_dtp", ["10", "05", "2099"]).await;
    b.click("#step-next").await;
    b.wait_text("#request-errors", "DT Polio").await;
    b.fill("#answer_vaccine_dtp_year", "2023").await;
    fill_date(&b, "vaccine_mmr", ["02", "09", "2019"]).await;
    b.phone().await;
    b.assert_fits("Vaccination (téléphone)").await;
    b.assert_accessible("Vaccination").await;
    b.click("#step-next").await;

    b.wait_text("#step-title", "Étape 7 sur 10 : Informations sanitaires")
        .await;
    b.wait_gone("#answer_allergies_details").await;
    b.click("#answer_allergies_true").await;
    b.fill(
        "#answer_allergies_details",
        "Arachide : trousse d'urgence dans le cartable",
    )
    .await;
    b.click("#answer_treatment_false").await;
    b.click("#answer_pai_true").await;
    b.fill("#answer_doctor_name", "Dr Roux").await;
    b.fill("#answer_doctor_phone", "04 90 65 00 00").await;
    b.assert_fits("Informations sanitaires (téléphone)").await;
    b.assert_accessible("Informations sanitaires").await;
    b.click("#step-next").await;

    b.wait_text("#step-title", "Étape 8 sur 10 : Personnes à contacter")
        .await;
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 9 sur 10 : Justificatifs")
        .await;
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 10 sur 10 : Signature")
        .await;
    b.click("#answer_signature_certified").await;
    b.fill("#answer_signature_name", "DUPIN Pascal").await;
    b.click("#step-next").await;
    let recap = b.wait_text("main", "Récapitulatif de la demande").await;
    for shown in ["10/05/2023", "Arachide : trousse d'urgence", "Dr Roux"] {
        assert!(recap.contains(shown), "{shown} in {recap}");
    }
    b.click("#request-submit").await;
    b.wait_text("main", "a bien été enregistrée").await;
    b.wait_text(
        "#fiche-next",
        "Une fois votre dossier traité par l'agent, vous pourrez réserver",
    )
    .await;

    // The agent, without the health permission, reads everything else.
    let login =
        |session: &serde_json::Value| session["account"]["login"].as_str().unwrap().to_string();
    let anne = Browser::open(&app.address).await;
    anne.log_in(&login(&agent)).await;
    anne.phone().await;
    anne.goto("/agent/demandes/1").await;
    let page = anne.wait_text("main", "DUPIN Léa").await;
    anne.wait_text("#health-withheld", "seuls les agents habilités")
        .await;
    assert!(
        page.contains("Information de santé réservée aux agents habilités"),
        "{page}"
    );
    assert!(!page.contains("Arachide"), "{page}");
    assert!(!page.contains("10/05/2023"), "{page}");
    anne.assert_fits("Agent request, health withheld (téléphone)")
        .await;
    anne.assert_accessible("Agent request, health withheld")
        .await;

    // The admin grants it on "Comptes des agents".
    let anne_id = agent["account"]["id"].as_i64().unwrap();
    let martine = Browser::open(&app.address).await;
    martine.log_in(&login(&admin)).await;
    martine.goto("/agent/agents").await;
    martine
        .wait_text(&format!("#staff-health-state-{anne_id}"), "Non autorisé")
        .await;
    martine.wait_text("#health-log-empty", "Aucun accès").await;
    martine.click(&format!("#staff-health-{anne_id}")).await;
    martine
        .wait_text("#staff-list-status", "peut lire les informations de santé")
        .await;
    let state = martine
        .wait_text(&format!("#staff-health-state-{anne_id}"), "Autorisé")
        .await;
    assert!(!state.contains("Non"), "{state}");
    martine.phone().await;
    martine
        .assert_fits("Staff with health permission (téléphone)")
        .await;
    martine
        .assert_accessible("Staff with health permission")
        .await;

    // Now she reads the health answers, and the admin's log shows it.
    anne.goto("/agent/demandes/1").await;
    anne.wait_text("main", "Arachide : trousse d'urgence").await;
    anne.wait_gone("#health-withheld").await;
    anne.close().await;
    martine.goto("/agent/agents").await;
    let log = martine.wait_text("#health-log", "Anne AGENT").await;
    assert!(log.contains("DUPIN Pascal"), "{log}");
    assert!(log.contains("Réponses d'une demande"), "{log}");
    martine.assert_accessible("Health access log").await;
    martine.close().await;

    // Accepted (through the API), the profile shows the child's health information.
    let token = agent["access_token"].as_str().unwrap();
    for action in ["take", "accept"] {
        let done = app
            .post_auth(
                &format!("/api/agent/requests/1/{action}"),
                token,
                &json!({}),
            )
            .await;
        assert!(done.status().is_success(), "{action}: {}", done.status());
    }
    b.goto("/mon-compte/profil").await;
    let health = b.wait_text("#child-health", "Arachide").await;
    for shown in [
        "DUPIN Léa",
        "10/05/2023",
        "Dr Roux",
        "Informations confidentielles",
    ] {
        assert!(health.contains(shown), "{shown} in {health}");
    }
    b.assert_fits("Profile with health (téléphone)").await;
    b.assert_accessible("Profile with health").await;
    b.close().await;
}
