//! Every page at a phone's width (375 px): nothing sticks out sideways (tables become
//! cards, the "Mon compte" menu opens on the screen) and axe-core finds nothing. The
//! admin's "Comptes des agents" is used there too: disabling an agent asks first.

use domain::auth::Role;
use serde_json::json;
use tests::{people, TestApp};

use crate::driver::Browser;

async fn check(b: &Browser, path: &str, ready: (&str, &str)) {
    b.goto(path).await;
    b.wait_text(ready.0, ready.1).await;
    b.assert_fits(path).await;
    b.assert_accessible(&format!("{path} at 375 px")).await;
}

#[tokio::test]
async fn every_page_fits_a_phone_and_stays_accessible() {
    let app = TestApp::spawn().await;
    let citizen = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let t = citizen["access_token"].as_str().unwrap().to_string();
    let in_two_months = (chrono::Utc::now().date_naive() + chrono::TimeDelta::days(60)).to_string();
    for guests in [40, 60] {
        let body = json!({"procedure": "location-salle-des-fetes", "answers": {"event_date": in_two_months, "event_type": "mariage", "guests": guests}});
        assert_eq!(
            app.post_auth("/api/requests", &t, &body).await.status(),
            201
        );
    }
    let admin = app
        .create_staff("admin@mairie.fr", "Alice", Role::Admin)
        .await;
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let agent_id = agent["account"]["id"].as_i64().unwrap();

    let b = Browser::open(&app.address).await;
    b.phone().await;
    for (path, ready) in [
        ("/", ("main", "Recherchez une démarche")),
        ("/connexion", ("main h1", "connecter")),
        ("/creer-mon-compte", ("main h1", "Création de compte")),
        ("/identifiants-oublies", ("main h1", "oublié")),
        ("/page-introuvable", ("main h1", "introuvable")),
        ("/conditions-generales", ("main h1", "Conditions générales")),
        ("/activation/inconnu", ("main", "lien")),
        ("/reinitialisation/inconnu", ("main", "lien")),
    ] {
        check(&b, path, ready).await;
    }

    b.log_in("pascal.dupin").await;
    // The account menu opens on the screen, every item reachable.
    b.click("#account-menu-button").await;
    b.wait_text("#account-menu-list", "Déconnexion").await;
    b.assert_fits("the open account menu").await;
    b.assert_accessible("the open account menu at 375 px").await;
    b.click("#account-menu-button").await;
    for (path, ready) in [
        ("/mes-demandes", ("main", "Brouillon")),
        ("/mes-demandes/1", ("main h1", "Demande n° 1")),
        ("/mes-demandes/1/modifier", ("main", "Étape 1")),
        (
            "/demarches/location-salle-des-fetes",
            ("main", "Faire une demande"),
        ),
        ("/mon-compte/profil", ("main h1", "Mon profil")),
    ] {
        check(&b, path, ready).await;
    }
    // Dates are typed jour / mois / année, whatever the browser's language.
    b.goto("/mes-demandes/1/modifier").await;
    b.wait_text("main", "Étape 1").await;
    let date = chrono::NaiveDate::parse_from_str(&in_two_months, "%Y-%m-%d").unwrap();
    assert_eq!(
        b.value("#answer_event_date_day").await,
        date.format("%d").to_string()
    );
    assert_eq!(
        b.value("#answer_event_date_month").await,
        date.format("%m").to_string()
    );
    assert_eq!(
        b.value("#answer_event_date_year").await,
        date.format("%Y").to_string()
    );
    b.click("#account-menu-button").await;
    b.click("#logout-button").await;
    b.wait_text("header", "Me connecter").await;

    // The admin's pages; a request sent first so the inbox has a row.
    let sent = app
        .post_auth("/api/requests/2/submit", &t, &json!({}))
        .await;
    assert_eq!(sent.status(), 200);
    b.log_in(admin["account"]["login"].as_str().unwrap()).await;
    for (path, ready) in [
        ("/agent/demandes", ("#inbox-count", "1 demande")),
        ("/agent/demandes/2", ("main h1", "Demande n° 2")),
        ("/agent/foyers/1", ("main", "DUPIN")),
        ("/agent/agents", ("#staff-table", "Anne")),
    ] {
        check(&b, path, ready).await;
    }

    // The inbox filters by dates typed jj mm aaaa.
    b.goto("/agent/demandes").await;
    b.wait_text("#inbox-count", "1 demande").await;
    // A month ahead: nothing was sent then, whatever the time zones around midnight.
    let later = chrono::Utc::now().date_naive() + chrono::TimeDelta::days(30);
    b.fill("#filter_from_day", &later.format("%d").to_string())
        .await;
    b.fill("#filter_from_month", &later.format("%m").to_string())
        .await;
    b.fill("#filter_from_year", &later.format("%Y").to_string())
        .await;
    b.click("#filter-submit").await;
    b.wait_text("#inbox-count", "0 demande").await;

    // "Désactiver" asks first; the state reads in words.
    b.goto("/agent/agents").await;
    b.wait_text("#staff-table", "Anne").await;
    b.click(&format!("#staff-toggle-{agent_id}")).await;
    b.wait_text("#staff-table", "Désactiver le compte de Anne")
        .await;
    b.assert_fits("a disabling to confirm").await;
    b.assert_accessible("a disabling to confirm").await;
    b.click(&format!("#staff-confirm-{agent_id}")).await;
    b.wait_text("#staff-list-status", "est désactivé").await;
    b.wait_text(&format!("#staff-state-{agent_id}"), "Désactivé")
        .await;
    let login = agent["account"]["login"].as_str().unwrap();
    assert_eq!(app.login(login, people::PASSWORD).await.status(), 401);
    b.click(&format!("#staff-toggle-{agent_id}")).await;
    b.click(&format!("#staff-confirm-{agent_id}")).await;
    b.wait_text(&format!("#staff-state-{agent_id}"), "Actif")
        .await;
    assert_eq!(app.login(login, people::PASSWORD).await.status(), 200);
    b.close().await;
}
