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
async fn restarting_on_the_same_database_does_not_seed_twice() {
    let app = TestApp::spawn().await;
    let before: Value = app.get("/api/catalogue").await.json().await.unwrap();
    let pool = app.state.pool.clone();
    let commune = app.state.settings.commune.clone();
    let seeded = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        api::areas::catalogue::service::seed(&mut conn, &commune).unwrap()
    })
    .await
    .unwrap();
    assert!(!seeded);
    let after: Value = app.get("/api/catalogue").await.json().await.unwrap();
    assert_eq!(before, after);
}
