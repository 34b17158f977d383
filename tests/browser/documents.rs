//! Justificatifs in the browser: a parent sends the DT Polio from "Échanges", the agent
//! looks at it and refuses it, the parent sees "Invalide" and why, sends another, the
//! agent validates it, and a second request finds it already provided. At desktop and
//! phone width, axe-core on every screen.

use serde_json::Value;
use tests::documents::{child_form, family_with_a_request, pdf};
use tests::TestApp;

use crate::driver::Browser;

fn token(session: &Value) -> String {
    session["access_token"].as_str().unwrap().to_string()
}

async fn pending_id(app: &TestApp, agent: &str) -> i64 {
    let queue = app.get_json("/api/agent/documents", agent).await;
    queue["items"][0]["id"].as_i64().expect("a document waits")
}

#[tokio::test]
async fn a_parent_sends_the_dt_polio_the_agent_refuses_then_validates_it_and_it_serves_the_next_request(
) {
    journey(false).await;
}

/// The same journey, every step at a phone's width (375 px).
#[tokio::test]
async fn the_same_journey_works_at_a_phones_width() {
    journey(true).await;
}

/// Every step, at desktop width or (`phone`) at 375 px where each screen must fit.
async fn journey(phone: bool) {
    let app = TestApp::spawn().await;
    let (session, child, first) =
        family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let staff = app.create_health_staff("agent@mairie.fr", "Anne").await;
    let agent_token = token(&staff);
    let agent_login = staff["account"]["login"].as_str().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("carnet-dt-polio.pdf");
    std::fs::write(&scan, pdf(40_000)).unwrap();

    let parent = Browser::open(&app.address).await;
    if phone {
        parent.phone().await;
    }
    parent.log_in("mounier").await;
    parent.click("header a[href='/echanges']").await;
    let table = parent
        .wait_text(
            "#documents-table",
            "Carnet de vaccination DT Polio de MOUNIER Éric",
        )
        .await;
    assert!(
        table.contains(&format!("Fiche enfant : {}", first["request"]["number"])),
        "{table}"
    );
    parent.wait_text("#document-line-0", "Non fourni").await;
    // The status in words, after an icon that repeats it (never the colour alone).
    parent
        .wait_text("#document-line-0 .doc-status-icon", "○")
        .await;
    parent.assert_accessible("Échanges").await;
    if phone {
        parent.assert_fits("Échanges, à fournir (téléphone)").await;
    }

    // Déposer: the file, then the list says it waits for the town hall.
    parent.click("#document-action-0").await;
    parent.wait_text("#upload-title", "Déposer").await;
    parent
        .assert_accessible("Échanges, dépôt d'un justificatif")
        .await;
    parent
        .find("#upload_file")
        .await
        .send_keys(&scan.display().to_string())
        .await
        .unwrap();
    parent.click("#upload-submit").await;
    parent
        .wait_text("#documents-status", "en attente de validation")
        .await;
    parent
        .wait_text("#document-line-0", "En attente de validation")
        .await;

    // The agent looks at it in the page and refuses it.
    let agent = Browser::open(&app.address).await;
    if phone {
        agent.phone().await;
    }
    agent.log_in(&agent_login).await;
    agent.click("header a[href='/agent/demandes']").await;
    agent
        .click("nav.agent-nav a[href='/agent/justificatifs']")
        .await;
    let id = pending_id(&app, &agent_token).await;
    agent
        .wait_text(
            ".review-list",
            "Carnet de vaccination DT Polio de MOUNIER Éric",
        )
        .await;
    agent.click(&format!("#document-preview-{id}")).await;
    agent.find("iframe.document-preview").await;
    agent.assert_accessible("Justificatifs à valider").await;
    if phone {
        agent.assert_fits("Justificatif, aperçu (téléphone)").await;
    }
    agent.click(&format!("#document-refuse-{id}")).await;
    agent
        .wait_text(&format!("#reason-{id}-error"), "obligatoire")
        .await;
    agent
        .fill(
            &format!("#reason-{id}"),
            "Le carnet est illisible : merci d'envoyer une photo plus nette.",
        )
        .await;
    agent.click(&format!("#document-refuse-{id}")).await;
    agent
        .wait_text("main", "Aucun justificatif ne correspond")
        .await;

    // The parent sees why, and is mailed.
    app.smtp
        .wait_for("mounier@yopmail.com", "un justificatif fourni a été refusé")
        .await;
    parent.goto("/echanges").await;
    let messages = parent
        .wait_text("#messages-table", "Un justificatif fourni a été refusé")
        .await;
    assert!(messages.contains("Non lu"), "{messages}");
    let line = parent.wait_text("#document-line-0", "Invalide").await;
    parent
        .wait_text("#document-line-0 .doc-status-icon", "✗")
        .await;
    assert!(line.contains("Motif : Le carnet est illisible"), "{line}");
    assert!(line.contains("Déposer"), "{line}");
    if phone {
        parent
            .assert_fits("Échanges, justificatif refusé (téléphone)")
            .await;
        parent
            .assert_accessible("Échanges, justificatif refusé (téléphone)")
            .await;
    }

    // Another scan, validated.
    parent.click("#document-action-0").await;
    parent
        .find("#upload_file")
        .await
        .send_keys(&scan.display().to_string())
        .await
        .unwrap();
    parent.click("#upload-submit").await;
    parent
        .wait_text("#document-line-0", "En attente de validation")
        .await;
    agent.goto("/agent/justificatifs").await;
    let id = pending_id(&app, &agent_token).await;
    agent.click(&format!("#document-validate-{id}")).await;
    agent
        .wait_text("main", "Aucun justificatif ne correspond")
        .await;

    // A second Fiche enfant for Éric: the carnet is already there.
    let second = child_form(&app, &token(&session), child).await;
    parent.goto("/echanges").await;
    let line = parent.wait_text("#document-line-0", "Valide").await;
    assert!(
        line.contains(&format!("Fiche enfant : {}", second["request"]["number"])),
        "{line}"
    );
    assert!(line.contains("Remplacer"), "{line}");
    parent
        .wait_text("#document-line-0 .doc-status-icon", "✓")
        .await;

    // The request's own page, by its link in the line, lists its documents with their status.
    parent
        .click(&format!(
            "#document-0-request-{}",
            second["request"]["number"]
        ))
        .await;
    parent
        .wait_path(&format!("/mes-demandes/{}", second["request"]["id"]))
        .await;
    let docs = parent
        .wait_text(
            "#request-documents",
            "Carnet de vaccination DT Polio de MOUNIER Éric",
        )
        .await;
    assert!(docs.contains("Valide"), "{docs}");
    assert!(docs.contains("Non fourni"), "{docs}");
    parent.assert_accessible("Demande, justificatifs").await;

    // At a phone's width the pages still fit, and stay accessible.
    parent.phone().await;
    parent.goto("/echanges").await;
    parent.wait_text("#document-line-0", "Valide").await;
    parent.assert_fits("Échanges").await;
    parent.assert_accessible("Échanges (téléphone)").await;
    parent.goto("/mon-compte/profil").await;
    parent
        .wait_text("#library-title", "Ma bibliothèque de justificatifs")
        .await;
    parent.wait_text(".library-list", "Invalide").await;
    // The valid carnet says which requests it serves.
    parent
        .wait_text(
            ".library-list",
            &format!("Pour : Fiche enfant : {}", first["request"]["number"]),
        )
        .await;
    parent.assert_fits("Mon profil").await;
    parent.assert_accessible("Mon profil (bibliothèque)").await;
    // A document sent without being asked: the attestation CAF.
    parent.click("#library-add").await;
    parent
        .client
        .find(fantoccini::Locator::XPath(
            "//select[@id='library-slot']/option[contains(., 'Attestation CAF de DUPIN Pascal')]",
        ))
        .await
        .expect("the attestation CAF is offered")
        .click()
        .await
        .unwrap();
    parent.wait_text("#upload-title", "Attestation CAF").await;
    parent
        .assert_fits("Mon profil, ajout d'un justificatif")
        .await;
    parent
        .assert_accessible("Mon profil, ajout d'un justificatif")
        .await;
    parent
        .find("#upload_file")
        .await
        .send_keys(&scan.display().to_string())
        .await
        .unwrap();
    parent.click("#upload-submit").await;
    parent
        .wait_text("#library-status", "en attente de validation")
        .await;
    parent.wait_text(".library-list", "Attestation CAF").await;
    agent.phone().await;
    agent.goto("/agent/justificatifs").await;
    agent.click("#documents-status-filter").await;
    agent
        .find("#documents-status-filter option[value='valid']")
        .await
        .click()
        .await
        .unwrap();
    agent
        .wait_text(".review-list", "Carnet de vaccination")
        .await;
    agent.assert_fits("Justificatifs à valider").await;
    // Where the family lives: a postal code has five digits; the family has no address.
    agent.fill("#documents-postal-code", "599").await;
    agent.click("#documents-dates-apply").await;
    agent
        .wait_text("#documents-postal-code-error", "5 chiffres")
        .await;
    agent.fill("#documents-postal-code", "59920").await;
    agent.click("#documents-dates-apply").await;
    agent
        .wait_text("main", "Aucun justificatif ne correspond")
        .await;
    agent.fill("#documents-postal-code", "").await;
    // Filtered from the day after tomorrow (whatever the time zone), nothing is left.
    let tomorrow = chrono::Local::now().date_naive() + chrono::TimeDelta::days(2);
    agent
        .fill("#documents-from_day", &tomorrow.format("%d").to_string())
        .await;
    agent
        .fill("#documents-from_month", &tomorrow.format("%m").to_string())
        .await;
    agent
        .fill("#documents-from_year", &tomorrow.format("%Y").to_string())
        .await;
    agent.click("#documents-dates-apply").await;
    agent
        .wait_text("main", "Aucun justificatif ne correspond")
        .await;
    agent.assert_accessible("Justificatifs (téléphone)").await;

    parent.close().await;
    agent.close().await;
}

#[tokio::test]
async fn the_agent_sees_a_photo_of_a_document_in_the_page() {
    let app = TestApp::spawn().await;
    let (session, child, _) = family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let staff = app.create_health_staff("agent@mairie.fr", "Anne").await;
    let agent_login = staff["account"]["login"].as_str().unwrap().to_string();
    let mut photo = Vec::new();
    image::RgbImage::from_pixel(64, 48, image::Rgb([30, 90, 200]))
        .write_to(
            &mut std::io::Cursor::new(&mut photo),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    let sent = tests::documents::upload(
        &app,
        &token(&session),
        &format!("document_type=dt-polio&person_id={child}"),
        "photo.jpg",
        photo,
    )
    .await;
    assert_eq!(sent.status(), 201);
    let id = pending_id(&app, &token(&staff)).await;

    let agent = Browser::open(&app.address).await;
    agent.log_in(&agent_login).await;
    agent.goto("/agent/justificatifs").await;
    agent.click(&format!("#document-preview-{id}")).await;
    agent.find("img.document-preview").await;
    let mut drawn = 0;
    for _ in 0..50 {
        let width = agent
            .client
            .execute(
                "const i = document.querySelector('img.document-preview'); return i && i.complete ? i.naturalWidth : 0;",
                vec![],
            )
            .await
            .unwrap();
        drawn = width.as_u64().unwrap_or(0);
        if drawn > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(drawn, 64, "the photo is drawn in the page");
    agent
        .assert_accessible("Justificatif, aperçu d'une photo")
        .await;
    agent.close().await;
}
