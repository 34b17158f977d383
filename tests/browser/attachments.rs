//! Files with messages in the browser: the agent sends a form with a message, the family
//! answers with the carnet (after taking off a file chosen by mistake), and the agent
//! files the carnet as the request's DT Polio, which then waits for validation. Desktop
//! and phone width, axe-core on every screen.

use domain::auth::Role;
use serde_json::Value;
use tests::documents::{family_with_a_request, pdf};
use tests::TestApp;

use crate::driver::Browser;

async fn choose(browser: &Browser, input: &str, path: &std::path::Path) {
    browser
        .find(input)
        .await
        .send_keys(&path.display().to_string())
        .await
        .unwrap();
}

#[tokio::test]
async fn the_family_answers_with_the_carnet_and_the_agent_files_it_as_the_dt_polio() {
    let app = TestApp::spawn().await;
    let (_, child, request) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let id = request["request"]["id"].as_i64().unwrap();
    let staff: Value = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let agent_login = staff["account"]["login"].as_str().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let form = dir.path().join("Formulaire PAI.pdf");
    let carnet = dir.path().join("carnet DT Polio.pdf");
    let wrong = dir.path().join("vacances.pdf");
    for file in [&form, &carnet, &wrong] {
        std::fs::write(file, pdf(20_000)).unwrap();
    }

    // The agent writes with a file: it is sent as soon as chosen, then goes with the message.
    let agent = Browser::open(&app.address).await;
    agent.log_in(&agent_login).await;
    agent.goto(&format!("/agent/demandes/{id}")).await;
    agent.wait_text("#request-messages-title", "Messages").await;
    agent.fill("#message_subject", "PAI").await;
    agent
        .fill("#message_body", "Voici le formulaire du PAI à remplir.")
        .await;
    choose(&agent, "#attachment_file", &form).await;
    agent
        .wait_text("#attached-files", "Formulaire PAI.pdf (PDF, 20 ko)")
        .await;
    agent.click("#message-submit").await;
    agent
        .wait_text("#message-status", "la famille en est prévenue")
        .await;
    agent.wait_text(".thread", "Formulaire PAI.pdf").await;
    agent.wait_gone("[id^='attached-']").await;

    // The family sees the file under the message, and answers with the carnet.
    let family = Browser::open(&app.address).await;
    family.log_in("mounier").await;
    family.goto("/echanges").await;
    family.click("#messages-table a[id^='message-open-']").await;
    family.wait_text(".thread", "Pièces jointes").await;
    family.wait_text(".thread", "Formulaire PAI.pdf").await;
    family
        .fill("#body", "Voici le carnet de vaccination.")
        .await;
    choose(&family, "#attachment_file", &wrong).await;
    family.wait_text("#attached-files", "vacances.pdf").await;
    choose(&family, "#attachment_file", &carnet).await;
    family
        .wait_text("#attached-files", "carnet DT Polio.pdf")
        .await;
    family
        .assert_accessible("Message, réponse avec pièces jointes")
        .await;
    // "Retirer" the file chosen by mistake.
    family.click("#attached-files li:first-child button").await;
    let list = family
        .wait_text("#attached-files", "carnet DT Polio.pdf")
        .await;
    assert!(!list.contains("vacances"), "{list}");
    family.click("#reply-submit").await;
    family.wait_text("#reply-status", "bien été envoyée").await;
    let thread = family.wait_text(".thread", "carnet DT Polio.pdf").await;
    assert!(!thread.contains("vacances"), "{thread}");

    // The agent files it as the child's DT Polio.
    agent.goto(&format!("/agent/demandes/{id}")).await;
    agent.wait_text(".thread", "carnet DT Polio.pdf").await;
    agent
        .click(".thread-item--family button[id^='file-as-open-']")
        .await;
    agent
        .wait_text(".file-as", "Carnet de vaccination DT Polio de MOUNIER Éric")
        .await;
    agent
        .assert_accessible("Demande, classer une pièce jointe")
        .await;
    agent.click(".file-as button[type='submit']").await;
    agent.wait_text(".file-as", "obligatoire").await;
    agent
        .find(&format!(".file-as option[value='dt-polio/{child}']"))
        .await
        .click()
        .await
        .unwrap();
    agent.click(".file-as button[type='submit']").await;
    agent.wait_text("#file-as-status", "a été classée").await;
    agent
        .wait_text(".thread-item--family", "classée comme justificatif")
        .await;
    agent
        .wait_text("#request-documents", "En attente de validation")
        .await;
    agent
        .assert_accessible("Demande, pièce jointe classée")
        .await;

    // The family's list of documents to provide says it waits for the town hall.
    family.goto("/echanges").await;
    family
        .wait_text("#documents-table", "En attente de validation")
        .await;

    // At a phone's width.
    family.phone().await;
    family.goto("/echanges").await;
    family.click("#messages-table a[id^='message-open-']").await;
    family.wait_text(".thread", "carnet DT Polio.pdf").await;
    family
        .assert_fits("Message avec pièces jointes (téléphone)")
        .await;
    family
        .assert_accessible("Message avec pièces jointes (téléphone)")
        .await;
    agent.phone().await;
    agent.goto(&format!("/agent/demandes/{id}")).await;
    agent.wait_text(".thread", "carnet DT Polio.pdf").await;
    agent
        .assert_fits("Demande, pièces jointes (téléphone)")
        .await;

    family.close().await;
    agent.close().await;
}
