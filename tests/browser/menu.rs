//! The citizen's top menu of the manuals: Échanges, Mes demandes, "Bonjour Prénom NOM" and
//! Mon compte, Agenda; Paiements only once its module exists; no link of the menu
//! leads to "Page introuvable".

use fantoccini::Locator;
use tests::documents::family_with_a_request;
use tests::TestApp;

use crate::driver::Browser;

#[tokio::test]
async fn the_menu_offers_what_exists_and_every_link_leads_somewhere() {
    let app = TestApp::spawn().await;
    family_with_a_request(&app, "mounier@yopmail.com", "mounier").await;
    let family = Browser::open(&app.address).await;
    family.log_in("mounier").await;
    let header = family.wait_text("header", "Échanges").await;
    for expected in [
        "Échanges",
        "Agenda",
        "Mes demandes",
        "Bonjour",
        "Mon compte",
    ] {
        assert!(header.contains(expected), "{expected} in {header}");
    }
    // Not built yet: not offered.
    assert!(!header.contains("Paiements"), "Paiements in {header}");
    let mut links = Vec::new();
    for link in family
        .client
        .find_all(Locator::Css("header a[href^='/']"))
        .await
        .unwrap()
    {
        links.extend(link.attr("href").await.unwrap());
    }
    assert!(links.len() >= 3, "{links:?}");
    for href in links {
        family.goto(&href).await;
        family.wait_text("main h1", "").await;
        let main = family.wait_text("main", "").await;
        assert!(!main.contains("Page introuvable"), "{href} leads nowhere");
    }
    family.close().await;
}
