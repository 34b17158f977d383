//! A question asked only for one answer: renting the room, "Souhaitez-vous louer la
//! vaisselle de la salle ?" — "Oui" asks "Nombre de couverts", "Non" takes it away (and
//! the recap and the request leave it out). Desktop and phone width, axe-core.

use tests::{people, TestApp};

use crate::driver::Browser;

#[tokio::test]
async fn a_yes_no_answer_shows_and_hides_the_question_that_depends_on_it() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let in_two_months = chrono::Local::now().date_naive() + chrono::TimeDelta::days(60);
    let citizen = Browser::open(&app.address).await;
    citizen.log_in("pascal.dupin").await;
    citizen.goto("/demarches/location-salle-des-fetes").await;
    citizen.click("#terms_accepted").await;
    citizen.click("#start-request").await;
    citizen
        .wait_text("#step-title", "Étape 1 sur 2 : Votre événement")
        .await;
    citizen
        .fill(
            "#answer_event_date_day",
            &in_two_months.format("%d").to_string(),
        )
        .await;
    citizen
        .fill(
            "#answer_event_date_month",
            &in_two_months.format("%m").to_string(),
        )
        .await;
    citizen
        .fill(
            "#answer_event_date_year",
            &in_two_months.format("%Y").to_string(),
        )
        .await;
    citizen
        .find("#answer_event_type option[value='mariage']")
        .await
        .click()
        .await
        .unwrap();
    citizen.fill("#answer_guests", "80").await;
    citizen.click("#step-next").await;
    citizen
        .wait_text("#step-title", "Étape 2 sur 2 : Précisions")
        .await;
    // Not asked until the dishes are wanted.
    citizen.wait_gone("#answer_place_settings").await;
    citizen.click("#answer_dishes_true").await;
    citizen.find("#answer_place_settings").await;
    citizen.assert_accessible("Question shown by a yes").await;
    citizen.phone().await;
    citizen
        .assert_fits("Question shown by a yes (téléphone)")
        .await;
    // Asked now, so required.
    citizen.click("#step-next").await;
    citizen
        .wait_text("#answer_place_settings-error", "obligatoire")
        .await;
    citizen.fill("#answer_place_settings", "60").await;
    // "Non": the question goes, and its answer is not sent.
    citizen.click("#answer_dishes_false").await;
    citizen.wait_gone("#answer_place_settings").await;
    citizen.click("#step-next").await;
    let recap = citizen
        .wait_text("main", "Récapitulatif de la demande")
        .await;
    assert!(recap.contains("Non"), "{recap}");
    assert!(!recap.contains("Nombre de couverts"), "{recap}");
    citizen.click("#request-submit").await;
    citizen.wait_text("main", "a bien été enregistrée").await;
    citizen.close().await;
}
