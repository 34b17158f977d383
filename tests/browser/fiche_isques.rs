//! Isques's fiche enfant: the transport boxes ("n'emprunte pas" unticks the others, and
//! the other way round), the commune's confirmation text after sending, and the transport
//! shown in the profile once the town hall accepted. Phone width, axe-core.

use domain::auth::Role;
use serde_json::json;
use tests::{people, TestApp};

use crate::driver::Browser;
use crate::person_modal::{add_person, Person};

async fn ticked(b: &Browser, css: &str) -> bool {
    b.find(css)
        .await
        .prop("checked")
        .await
        .unwrap()
        .is_some_and(|v| v == "true")
}

#[tokio::test]
async fn the_isques_fiche_asks_the_transport_and_names_the_documents_once_sent() {
    let app = TestApp::spawn_for_commune("isques").await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.phone().await;
    b.goto("/demarches/fiche-enfant").await;
    b.click("#start-request").await;
    b.wait_text("#step-title", "Étape 1 sur 1 : Enfant").await;
    let florian = Person {
        sex: "male",
        birth_name: "Dupin",
        first_name: "Florian",
        born: ["12", "03", "2014"],
        city: "Lyon 02",
        department: "69",
    };
    add_person(&b, "child", &florian).await;
    b.wait_gone("#child-dialog[open]").await;

    b.click("#answer_transport_morning").await;
    b.click("#answer_transport_none").await;
    assert!(ticked(&b, "#answer_transport_none").await);
    assert!(!ticked(&b, "#answer_transport_morning").await);
    b.click("#answer_transport_evening").await;
    assert!(!ticked(&b, "#answer_transport_none").await);
    assert!(ticked(&b, "#answer_transport_evening").await);
    b.wait_text(
        "main",
        "Dans quel établissement est scolarisé votre enfant ?",
    )
    .await;
    b.find("#answer_school_year")
        .await
        .send_keys("Ann")
        .await
        .unwrap();
    b.find("#answer_establishment")
        .await
        .send_keys("É")
        .await
        .unwrap();
    b.find("#answer_level").await.send_keys("MS").await.unwrap();
    b.click("#answer_activities_restauration-scolaire").await;
    b.assert_fits("Fiche enfant d'Isques (téléphone)").await;
    b.assert_accessible("Fiche enfant d'Isques").await;
    b.click("#step-next").await;
    let recap = b.wait_text("main", "Récapitulatif de la demande").await;
    assert!(recap.contains("Le soir"), "{recap}");
    b.click("#request-submit").await;
    let done = b
        .wait_text("#request-done", "RIB et mandat SEPA) sont obligatoires")
        .await;
    assert!(done.contains("Retrouvez votre demande dans"), "{done}");
    b.assert_fits("Confirmation (téléphone)").await;

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
    b.wait_text("#child-transports", "DUPIN Florian").await;
    b.wait_text("#child-transports", ": le soir").await;
    b.assert_accessible("Profile with transport").await;
    b.close().await;
}
