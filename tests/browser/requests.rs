//! A profile update request from draft to accepted, with the agent in a second browser.

use domain::auth::Role;
use serde_json::Value;
use tests::{people, TestApp};

use crate::driver::Browser;

#[tokio::test]
async fn a_personal_data_update_goes_from_draft_to_accepted_by_an_agent_and_shows_in_the_profile() {
    let app = TestApp::spawn().await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let agent_session = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let agent_login = agent_session["account"]["login"]
        .as_str()
        .unwrap()
        .to_string();

    // The citizen fills the procedure's form and keeps it as a draft.
    let citizen = Browser::open(&app.address).await;
    citizen.log_in("pascal.dupin").await;
    citizen
        .goto("/demarches/mise-a-jour-informations-personnelles")
        .await;
    citizen
        .wait_text("main", "Cette démarche prend 3 minutes")
        .await;
    citizen.assert_accessible("procedure description").await;
    citizen.click("#start-request").await;
    citizen
        .wait_text("#step-title", "Étape 1 sur 1 : Nouvelles informations")
        .await;
    citizen.click("#step-next").await;
    citizen
        .wait_text("#answer_reason-error", "obligatoire")
        .await;
    citizen.assert_accessible("form with an error").await;
    citizen.fill("#answer_usage_name", "Dupin-Martin").await;
    citizen.fill("#answer_reason", "Mariage le 12 juin").await;
    citizen.click("#step-next").await;
    citizen
        .wait_text("#step-title", "Récapitulatif de la demande")
        .await;
    citizen.wait_text("main", "Dupin-Martin").await;
    citizen.assert_accessible("request recap").await;
    citizen.click("#request-save-draft").await;
    citizen.wait_path("/mes-demandes?brouillon=1").await;
    citizen
        .wait_text("#requests-status", "Votre brouillon n° 1 est enregistré")
        .await;
    let table = citizen.wait_text("main", "Brouillon").await;
    assert!(table.contains("Mettre à jour mes informations personnelles"));
    citizen.assert_accessible("mes demandes with a draft").await;

    // From the draft's page, "Envoyer la demande".
    citizen.click("#request-view-1").await;
    citizen.wait_text("main h1", "Demande n° 1").await;
    citizen.assert_accessible("request page").await;
    citizen.click("#request-send").await;
    citizen.wait_text("main", "Enregistrée").await;
    app.smtp
        .wait_for("dupin@yopmail.com", "demande n° 1 enregistrée")
        .await;

    // The agent, in another browser, takes and accepts it.
    let agent = Browser::open(&app.address).await;
    agent.log_in(&agent_login).await;
    agent.goto("/agent/demandes").await;
    agent.wait_text("#inbox-count", "1 demande").await;
    // The inbox names who asked and whom it concerns (the holder himself here).
    let row = agent.wait_text("#request-row-1", "DUPIN Pascal").await;
    assert_eq!(row.matches("DUPIN Pascal").count(), 2, "{row}");
    agent.assert_accessible("agent inbox").await;
    agent.click("#request-open-1").await;
    agent.wait_text("main", "Dupin-Martin").await;
    agent.click("#agent-take").await;
    agent.wait_text("#agent-status", "prise en charge").await;
    agent.assert_accessible("agent request in progress").await;
    agent
        .fill("#agent_note", "Changement enregistré, félicitations.")
        .await;
    // Accepting closes the request: it is asked first, and "Annuler" changes nothing.
    agent.click("#agent-accept").await;
    agent
        .wait_text("#agent-confirm-question", "Accepter la demande n° 1 ?")
        .await;
    agent
        .assert_accessible("agent confirming an acceptance")
        .await;
    agent.click("#agent-confirm-cancel").await;
    agent.wait_gone("#agent-confirm").await;
    agent.wait_text("main", "En traitement").await;
    agent.click("#agent-accept").await;
    agent.click("#agent-confirm").await;
    agent.wait_text("#agent-status", "acceptée").await;

    // The citizen sees it under Effectuées, and the new usage name in the profile.
    citizen.goto("/mes-demandes").await;
    let page = citizen.wait_text("main", "Clos").await;
    let done = page
        .split("Effectuées")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    assert!(
        done.contains("Mettre à jour mes informations personnelles"),
        "{page}"
    );
    citizen.goto("/mon-compte/profil").await;
    citizen.wait_text("main", "Dupin-Martin").await;
    let profile: Value = app
        .login("pascal.dupin", people::PASSWORD)
        .await
        .json::<Value>()
        .await
        .unwrap();
    let token = profile["access_token"].as_str().unwrap();
    let me: Value = app.get_json("/api/me/profile", token).await;
    assert_eq!(me["civil"]["usage_name"], "Dupin-Martin");
    agent.close().await;
    citizen.close().await;
}

#[tokio::test]
async fn suivre_mes_demandes_leads_through_login_and_the_tables_sort_and_delete_drafts() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let token = session["access_token"].as_str().unwrap();
    for guests in [10, 20] {
        let body = serde_json::json!({"procedure": "location-salle-des-fetes", "answers": {"event_type": "mariage", "guests": guests}});
        assert_eq!(
            app.post_auth("/api/requests", token, &body).await.status(),
            201
        );
    }
    // "Suivre mes demandes" on the public home leads there through login.
    let b = Browser::open(&app.address).await;
    b.goto("/").await;
    b.wait_text("header", "Me connecter").await;
    b.click("a[href='/mes-demandes']").await;
    b.wait_path("/connexion?retour=%2Fmes-demandes").await;
    b.fill("#login", "pascal.dupin").await;
    b.fill("#password", people::PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_path("/mes-demandes").await;
    b.wait_text("main h1", "Mes demandes").await;
    b.find("#request-view-2").await;
    let first = b
        .wait_text("main table", "Location de la salle des fêtes")
        .await;
    let pos = |t: &str, n: &str| t.find(n).unwrap_or(usize::MAX);
    assert!(
        pos(&first, "2") < pos(&first, "1"),
        "latest number first: {first}"
    );
    b.click("#sort-number").await;
    let mut sorted = String::new();
    for _ in 0..50 {
        sorted = b.find("main table").await.text().await.unwrap();
        if pos(&sorted, "1") < pos(&sorted, "2") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        pos(&sorted, "1") < pos(&sorted, "2"),
        "ascending after sorting: {sorted}"
    );
    b.assert_accessible("mes demandes sorted").await;
    b.click("#request-delete-2").await;
    b.click("#request-delete-confirm").await;
    b.wait_text("#requests-status", "supprimée").await;
    let mine: Value = app.get_json("/api/requests", token).await;
    assert_eq!(mine["in_progress"].as_array().unwrap().len(), 1);
    b.close().await;
}
