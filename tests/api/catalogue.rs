use serde_json::Value;
use tests::TestApp;

#[tokio::test]
async fn the_public_catalogue_lists_the_demo_commune_services_without_an_account() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/catalogue").await;
    assert_eq!(response.status(), 200);
    assert!(response
        .headers()
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("public")));
    let body: Value = response.json().await.unwrap();
    let names: Vec<&str> = body["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Mettre à jour mes informations personnelles",
            "Elections",
            "Voirie et Domaine public",
            "Etat civil (actes)",
            "Social",
            "Enfance / Jeunesse",
            "Papiers et citoyenneté",
            "Location de salles municipales",
        ]
    );
    let childhood = &body["categories"][5]["procedures"];
    assert_eq!(childhood[0]["slug"], "fiche-enfant");
    assert_eq!(childhood[0]["title"], "Fiche enfant");
}

#[tokio::test]
async fn the_commune_is_configurable_by_preset_and_override() {
    let app = TestApp::spawn_with(|s| {
        s.commune = api::config::CommuneSettings {
            preset: Some("hesdigneul".into()),
            news: Some("Fermeture de la mairie le 14 juillet".into()),
            ..Default::default()
        };
        s.commune.resolve().unwrap();
    })
    .await;
    let commune: Value = app.get("/api/commune").await.json().await.unwrap();
    assert_eq!(commune["name"], "Ville de Hesdigneul-lès-Boulogne");
    assert_eq!(commune["news"], "Fermeture de la mairie le 14 juillet");
    let catalogue: Value = app.get("/api/catalogue").await.json().await.unwrap();
    let childhood = &catalogue["categories"][1];
    assert_eq!(childhood["name"], "Enfance / Jeunesse");
    let titles: Vec<&str> = childhood["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Fiche enfant",
            "Réservation Cantine",
            "Réservation Garderie"
        ]
    );
}

#[tokio::test]
async fn a_procedure_page_is_public_and_unknown_ones_are_404() {
    let app = TestApp::spawn().await;
    let body: Value = app
        .get("/api/procedures/location-salle-des-fetes")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["title"], "Location de la salle des fêtes");
    assert_eq!(body["category"], "Location de salles municipales");
    let missing = app.get("/api/procedures/piscine").await;
    assert_eq!(missing.status(), 404);
    assert_eq!(tests::app::problem(missing).await["code"], "not_found");
}

#[tokio::test]
async fn restarting_with_a_changed_configuration_updates_the_catalogue_and_keeps_old_requests() {
    let app = TestApp::spawn().await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", tests::people::PASSWORD)
        .await;
    let t = session["access_token"].as_str().unwrap();
    let body = serde_json::json!({"procedure": "rendez-vous-ccas", "answers": {"reason": "aide"}});
    assert_eq!(app.post_auth("/api/requests", t, &body).await.status(), 201);

    // The same configuration again changes nothing visible.
    let before: Value = app.get("/api/catalogue").await.json().await.unwrap();
    let mut commune = app.state.settings.commune.clone();
    let report = sync(&app, commune.clone()).await;
    assert_eq!((report.added, report.archived), (0, 0));
    assert_eq!(
        before,
        app.get("/api/catalogue")
            .await
            .json::<Value>()
            .await
            .unwrap()
    );

    // A renamed procedure, one removed from the configuration.
    let catalogue = commune.catalogue.as_mut().unwrap();
    let social = catalogue.iter_mut().find(|c| c.name == "Social").unwrap();
    social.procedures.clear();
    let childhood = catalogue
        .iter_mut()
        .find(|c| c.name == "Enfance / Jeunesse")
        .unwrap();
    childhood.procedures[1].title = "Réservation de la cantine".into();
    let report = sync(&app, commune).await;
    assert_eq!(report.archived, 1);
    let after: Value = app.get("/api/catalogue").await.json().await.unwrap();
    let names: Vec<&str> = after["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Social"),
        "the category stays, empty: {names:?}"
    );
    let text = after.to_string();
    assert!(text.contains("Réservation de la cantine"));
    assert!(!text.contains("rendez-vous-ccas"));
    assert_eq!(
        app.get("/api/procedures/rendez-vous-ccas").await.status(),
        404
    );
    // The request made with the archived procedure still names it.
    let mine: Value = app.get_json("/api/requests", t).await;
    assert_eq!(
        mine["in_progress"][0]["procedure_title"],
        "Demande de rendez-vous au CCAS"
    );
}

async fn sync(
    app: &TestApp,
    commune: api::config::CommuneSettings,
) -> api::areas::catalogue::service::SyncReport {
    let pool = app.state.pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        api::areas::catalogue::service::sync(&mut conn, &commune).unwrap()
    })
    .await
    .unwrap()
}
