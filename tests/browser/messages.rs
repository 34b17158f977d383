//! Messages in the browser: the agent writes on a request, the family sees "Échanges (1)",
//! reads the message (now "Lu") and answers; the agent sees the unread answer in the
//! inbox and reads it on the request. Desktop and phone width, axe-core on every screen.

use domain::auth::Role;
use serde_json::Value;
use tests::documents::family_with_a_request;
use tests::TestApp;

use crate::driver::Browser;

#[tokio::test]
async fn the_town_hall_writes_the_family_reads_and_answers_and_the_agent_sees_the_answer() {
    let app = TestApp::spawn().await;
    let (_, _, request) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let number = request["request"]["number"].as_i64().unwrap();
    let id = request["request"]["id"].as_i64().unwrap();
    let staff: Value = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let agent_login = staff["account"]["login"].as_str().unwrap().to_string();

    let agent = Browser::open(&app.address).await;
    agent.log_in(&agent_login).await;
    agent.goto(&format!("/agent/demandes/{id}")).await;
    agent.wait_text("#request-messages-title", "Messages").await;
    agent.click("#message-submit").await;
    agent.wait_text("#message-errors", "Sujet").await;
    agent
        .fill("#message_subject", "Demande de justificatifs")
        .await;
    agent
        .fill(
            "#message_body",
            "Merci de nous envoyer le carnet de vaccination DT Polio.",
        )
        .await;
    agent.click("#message-submit").await;
    agent
        .wait_text("#message-status", "la famille en est prévenue")
        .await;
    agent.wait_text(".thread", "Non lu").await;
    agent.assert_accessible("Demande, messages (agent)").await;
    app.smtp
        .wait_for("mounier@yopmail.com", "nouveau message de la mairie")
        .await;

    let family = Browser::open(&app.address).await;
    family.log_in("mounier").await;
    family.wait_text("header", "Échanges (1)").await;
    family.click("header a[href='/echanges']").await;
    let table = family
        .wait_text("#messages-table", "Demande de justificatifs")
        .await;
    assert!(
        table.contains(&format!("Fiche enfant : {number}")),
        "{table}"
    );
    assert!(table.contains("Non lu"), "{table}");
    // The manuals' columns.
    let head = family.wait_text("#messages-table thead", "Sujet").await;
    for column in ["Date", "Sujet", "Téléservice concerné", "Statut", "Action"] {
        assert!(head.contains(column), "{column} in {head}");
    }
    family.assert_accessible("Échanges, messages").await;
    family.click("#messages-table a[id^='message-open-']").await;
    family
        .wait_text(".thread", "Merci de nous envoyer le carnet")
        .await;
    family.assert_accessible("Message").await;
    family.click("#reply-submit").await;
    family.wait_text("#reply-errors", "Votre réponse").await;
    family
        .fill(
            "#body",
            "Je l'envoie ce soir depuis « Mes justificatifs à fournir ».",
        )
        .await;
    family.click("#reply-submit").await;
    family.wait_text("#reply-status", "bien été envoyée").await;
    family
        .wait_text(".thread", "RE : Demande de justificatifs")
        .await;
    family.goto("/echanges").await;
    let table = family.wait_text("#messages-table", "RE : Demande").await;
    assert!(table.contains("Lu"), "{table}");
    assert!(!family.wait_text("header", "Échanges").await.contains("(1)"));

    // The agent's inbox shows the unread answer until the request is opened.
    agent.goto("/agent/demandes").await;
    agent
        .wait_text(&format!("#unread-replies-{number}"), "1 réponse non lue")
        .await;
    agent.goto(&format!("/agent/demandes/{id}")).await;
    agent.wait_text(".thread", "Je l'envoie ce soir").await;
    // The family sees that the town hall read its answer.
    family.goto("/echanges").await;
    family.click("#messages-table a[id^='message-open-']").await;
    family.wait_text(".thread-item--family", "Lu le").await;
    agent.goto("/agent/demandes").await;
    agent
        .wait_text(&format!("#request-row-{number}"), "Fiche enfant")
        .await;
    agent.wait_gone(&format!("#unread-replies-{number}")).await;

    // "Demande de justificatifs": one more document on the request; the family is told.
    agent.goto(&format!("/agent/demandes/{id}")).await;
    agent
        .wait_text("#request-documents", "Carnet de vaccination DT Polio")
        .await;
    agent.click("#ask-submit").await;
    agent.wait_text("#ask_type-error", "obligatoire").await;
    agent
        .find("#ask_type option[value='attestation-caf']")
        .await
        .click()
        .await
        .unwrap();
    agent.click("#ask-submit").await;
    agent.wait_text("#ask-status", "envoyée à la famille").await;
    agent
        .wait_text("#request-documents", "Attestation CAF de DUPIN Pascal")
        .await;
    agent
        .assert_accessible("Demande, justificatifs (agent)")
        .await;
    family.goto("/echanges").await;
    family.wait_text("header", "Échanges (1)").await;
    family
        .wait_text("#documents-table", "Attestation CAF de DUPIN Pascal")
        .await;

    // At a phone's width.
    family.phone().await;
    family.goto("/echanges").await;
    family.wait_text("#messages-table", "RE : Demande").await;
    family.assert_fits("Échanges (téléphone)").await;
    family.click("#messages-table a[id^='message-open-']").await;
    family.wait_text(".thread", "Merci de nous envoyer").await;
    family.assert_fits("Message (téléphone)").await;
    family.assert_accessible("Message (téléphone)").await;
    agent.phone().await;
    agent.goto(&format!("/agent/demandes/{id}")).await;
    agent.wait_text(".thread", "Je l'envoie ce soir").await;
    agent.assert_fits("Demande, messages (téléphone)").await;

    family.close().await;
    agent.close().await;
}
