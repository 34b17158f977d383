//! Hesdigneul-lès-Boulogne's fiche enfant in its seven steps: the responsable (the holder)
//! with a new address, the partner and the child added with their modals, the
//! authorisations, two persons to contact (one added and removed on the way), a document
//! given in the documents step, the signature; after the agent's acceptance the profile shows the partner,
//! the address, the contacts and the authorisations in words. A fiche left after its
//! first step opens again with its answers, and back and forth keeps them. Desktop and
//! phone width, axe-core.

use domain::auth::Role;
use serde_json::json;
use tests::{people, TestApp};

use crate::driver::Browser;
use crate::person_modal::{add_address, add_person, Person};

/// Chooses in a drop-down list by typing the start of an option, as a keyboard does.
async fn choose(b: &Browser, css: &str, start: &str) {
    b.find(css).await.send_keys(start).await.unwrap();
    assert!(!b.value(css).await.is_empty(), "nothing chosen in {css}");
}

#[tokio::test]
async fn a_parent_fills_the_hesdigneul_fiche_in_steps_with_a_contact_and_signs_it() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    let parent = app
        .create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.goto("/demarches/fiche-enfant").await;
    b.click("#start-request").await;
    b.wait_text("#step-title", "Étape 1 sur 7 : Responsable du dossier")
        .await;
    b.wait_text("main", "doit être l'un des représentants légaux")
        .await;
    // The responsable is the account holder, unless changed.
    b.wait_text("#answer_guardian", "DUPIN Pascal").await;
    assert_ne!(b.value("#answer_guardian").await, "");
    b.click("#answer_other_situation_false").await;
    choose(&b, "#answer_family_situation", "Mar").await;
    // No address yet: "+ Ajouter une adresse", the manuals' modal.
    b.wait_text("#answer_address-hint", "Aucune adresse").await;
    b.click("#address-add").await;
    b.find("#address-dialog[open]").await;
    b.wait_focus("address_name").await;
    assert_eq!(b.value("#address_country").await, "France");
    b.fill("#address_name", "Adresse principale").await;
    b.fill("#address_city", "Hesdigneul-lès-Boulogne").await;
    b.fill("#address_postal_code", "6236").await;
    b.fill("#address_street", "Rue des Buissons Fleuris").await;
    b.click("#address-dialog-add").await;
    b.wait_text("#address-errors", "Code postal").await;
    b.assert_accessible("Ajouter une adresse").await;
    b.fill("#address_postal_code", "62360").await;
    b.click("#address-dialog-add").await;
    b.wait_gone("#address-dialog[open]").await;
    b.wait_text(
        "#answer_address",
        "Rue des Buissons Fleuris, 62360 HESDIGNEUL-LÈS-BOULOGNE",
    )
    .await;
    b.click("#step-next").await;

    // The partner, added with "+ Ajouter une personne".
    b.wait_text("#step-title", "Étape 2 sur 7 : Conjoint").await;
    // Each step saves the draft: the fiche is request n° 1 from now on (the agent takes
    // request 1 below, the one finally sent).
    b.wait_text("#draft-status", "Brouillon n° 1 enregistré")
        .await;
    b.wait_gone("#answer_partner").await;
    b.click("#answer_has_partner_true").await;
    let mut marie = Person {
        sex: "female",
        birth_name: "Durand",
        first_name: "Marie",
        born: ["03", "02", "2015"],
        city: "Calais",
        department: "62",
    };
    add_person(&b, "person", &marie).await;
    b.wait_text("#person-errors", "au moins 16 ans").await;
    marie.born[2] = "1986";
    b.fill("#person_birth_year", marie.born[2]).await;
    b.click("#person-dialog-add").await;
    b.wait_gone("#person-dialog[open]").await;
    b.wait_text("#answer_partner", "DURAND Marie (à ajouter)")
        .await;
    b.click("#step-next").await;

    b.wait_text("#step-title", "Étape 3 sur 7 : Enfant").await;
    let tim = Person {
        sex: "male",
        birth_name: "Dupin",
        first_name: "Tim",
        born: ["01", "01", "2016"],
        city: "Boulogne-sur-Mer",
        department: "62",
    };
    add_person(&b, "child", &tim).await;
    b.wait_gone("#child-dialog[open]").await;
    choose(&b, "#answer_school_year", "Ann").await;
    b.click("#answer_activities_garderie").await;
    b.click("#answer_pai_false").await;
    b.click("#step-next").await;

    b.wait_text("#step-title", "Étape 4 sur 7 : Autorisation globale")
        .await;
    b.click("#answer_photos_true").await;
    b.click("#answer_medical_care_true").await;
    b.click("#answer_leave_alone_false").await;
    b.click("#step-next").await;

    b.wait_text("#step-title", "Étape 5 sur 7 : Autres personnes")
        .await;
    b.wait_text("#answer_contacts", "Aucune pour l'instant")
        .await;
    b.click("#answer_contacts-add").await;
    b.wait_focus("answer_contacts_0_last_name").await;
    b.click("#answer_contacts-add").await;
    b.wait_focus("answer_contacts_1_last_name").await;
    b.fill("#answer_contacts_1_last_name", "Martin").await;
    b.fill("#answer_contacts_1_first_name", "Odile").await;
    b.fill("#answer_contacts_1_relation", "Grand-mère").await;
    b.fill("#answer_contacts_1_phone", "12").await;
    b.click("#answer_contacts_1_pickup").await;
    // The empty first person is taken off; the items' mistakes are named where they are.
    b.click("#answer_contacts-remove-0").await;
    b.wait_focus("answer_contacts-add").await;
    assert_eq!(b.value("#answer_contacts_0_first_name").await, "Odile");
    b.click("#step-next").await;
    let errors = b
        .wait_text("#request-errors", "Personne 1 : Téléphone")
        .await;
    assert!(!errors.contains("Personne 2"), "{errors}");
    b.assert_accessible("Fiche enfant: a contact to correct")
        .await;
    b.fill("#answer_contacts_0_phone", "06 12 34 56 78").await;
    // A second person, kept.
    b.click("#answer_contacts-add").await;
    b.wait_focus("answer_contacts_1_last_name").await;
    b.fill("#answer_contacts_1_last_name", "Bernard").await;
    b.fill("#answer_contacts_1_first_name", "Luc").await;
    b.fill("#answer_contacts_1_relation", "Voisin").await;
    b.fill("#answer_contacts_1_phone", "03 21 00 00 00").await;
    b.click("#answer_contacts_1_emergency").await;
    b.phone().await;
    b.assert_fits("Contacts (téléphone)").await;
    b.click("#step-next").await;

    // The documents the fiche needs, with the child's under his name: one is given here.
    b.wait_text("#step-title", "Étape 6 sur 7 : Justificatifs")
        .await;
    b.wait_text(
        "#fiche-documents",
        "Assurance responsabilité civile de DUPIN Tim",
    )
    .await;
    let livret = b
        .wait_text("#fiche-document-line-0", "Livret de famille")
        .await;
    assert!(livret.contains("de DUPIN Tim"), "{livret}");
    assert!(livret.contains("Non fourni"), "{livret}");
    b.click("#fiche-document-0").await;
    b.find("#upload-dialog[open]").await;
    b.wait_focus("upload_file").await;
    b.wait_text("#upload-title", "Déposer : Livret de famille")
        .await;
    b.assert_accessible("Fiche enfant: a document to give")
        .await;
    b.assert_fits("Fiche enfant: a document to give (téléphone)")
        .await;
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("livret.pdf");
    std::fs::write(&scan, tests::documents::pdf(20_000)).unwrap();
    b.find("#upload_file")
        .await
        .send_keys(&scan.display().to_string())
        .await
        .unwrap();
    b.click("#upload-submit").await;
    b.wait_gone("#upload-dialog[open]").await;
    b.wait_text("#fiche-documents-status", "en attente de validation")
        .await;
    b.wait_text("#fiche-document-line-0", "Envoyé, en attente de validation")
        .await;
    b.wait_focus("fiche-document-0").await;
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 7 sur 7 : Signature")
        .await;
    b.click("#step-next").await;
    b.wait_text("#request-errors", "Je certifie sur l'honneur")
        .await;
    b.click("#answer_signature_certified").await;
    b.fill("#answer_signature_name", "DUPIN Pascal").await;
    b.assert_fits("Signature (téléphone)").await;
    b.assert_accessible("Signature").await;
    b.click("#step-next").await;
    let recap = b.wait_text("main", "Récapitulatif de la demande").await;
    for shown in [
        "Martin, Odile, Grand-mère, 06 12 34 56 78, Autorisé(e) à venir chercher l'enfant",
        "Bernard, Luc, Voisin, 03 21 00 00 00, À prévenir en cas d'urgence",
        "Signé par DUPIN Pascal",
        "DUPIN Tim, né(e) le 01/01/2016",
        "DUPIN Pascal",
        "DURAND Marie, né(e) le 03/02/1986 à Calais (à ajouter au foyer)",
        "Adresse principale : Rue des Buissons Fleuris, 62360 HESDIGNEUL-LÈS-BOULOGNE, France (à ajouter à vos adresses)",
    ] {
        assert!(recap.contains(shown), "{shown} in {recap}");
    }
    b.click("#request-submit").await;
    b.wait_text("main", "a bien été enregistrée").await;

    // One fiche per child: the next one starts with the family's answers, not the child's.
    b.click("#another-child").await;
    b.wait_text(
        "#reused-answers",
        "Les informations de votre famille sont reprises de votre demande n° 1",
    )
    .await;
    b.click("#start-request").await;
    b.wait_text("#step-title", "Étape 1 sur 7 : Responsable du dossier")
        .await;
    b.wait_text("#answer_address", "Rue des Buissons Fleuris")
        .await;
    assert_eq!(b.value("#answer_family_situation").await, "marie");
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 2 sur 7 : Conjoint").await;
    b.wait_text("#answer_partner", "DURAND Marie (à ajouter)")
        .await;
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 3 sur 7 : Enfant").await;
    assert_eq!(b.value("#answer_child").await, "");
    b.assert_accessible("Fiche for another child").await;

    // The agent accepts (through the API: the agent's screens have their own tests).
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
    // The livret given in the fiche is now Tim's.
    let parent = parent["access_token"].as_str().unwrap();
    let library = app.get_json("/api/me/documents", parent).await;
    assert_eq!(library[0]["concerned"], "DUPIN Tim");
    assert!(library[0]["person_id"].is_i64(), "{library}");
    let livret = library[0]["id"].as_i64().unwrap();
    let validated = app
        .post_auth(
            &format!("/api/agent/documents/{livret}/validate"),
            token,
            &json!({}),
        )
        .await;
    assert!(validated.status().is_success(), "{}", validated.status());
    b.goto("/mon-compte/profil").await;
    let contacts = b.wait_text("#child-contacts", "MARTIN Odile").await;
    assert!(contacts.contains("BERNARD Luc"), "{contacts}");
    assert!(
        contacts.contains("autorisé(e) à venir chercher l'enfant"),
        "{contacts}"
    );
    let authorisations = b.wait_text("#child-authorisations", "✓ Oui").await;
    assert!(authorisations.contains("✗ Non"), "{authorisations}");
    b.wait_text("main", "DURAND Marie").await;
    b.wait_text("main", "Rue des Buissons Fleuris").await;
    b.assert_fits("Profile with contacts (téléphone)").await;
    b.assert_accessible("Profile with contacts").await;

    // A new fiche starts from what the profile now knows: the responsable, the address
    // and, once the family says it has one, the partner.
    b.goto("/demarches/fiche-enfant").await;
    b.click("#start-request").await;
    b.wait_text("#step-title", "Étape 1 sur 7 : Responsable du dossier")
        .await;
    b.wait_value("#answer_guardian").await;
    b.wait_value("#answer_address").await;
    b.click("#answer_other_situation_false").await;
    choose(&b, "#answer_family_situation", "Mar").await;
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 2 sur 7 : Conjoint").await;
    b.click("#answer_has_partner_true").await;
    b.wait_text("#answer_partner", "DURAND Marie").await;
    let marie = b.wait_value("#answer_partner").await;
    assert!(
        marie.parse::<i64>().is_ok(),
        "the partner of the household is chosen: {marie:?}"
    );
    // For Tim, now of the household, the livret given last time serves again.
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 3 sur 7 : Enfant").await;
    choose(&b, "#answer_child", "DUPIN T").await;
    choose(&b, "#answer_school_year", "Ann").await;
    b.click("#answer_activities_garderie").await;
    b.click("#answer_pai_false").await;
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 4 sur 7").await;
    for answer in ["photos_true", "medical_care_true", "leave_alone_false"] {
        b.click(&format!("#answer_{answer}")).await;
    }
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 5 sur 7").await;
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 6 sur 7 : Justificatifs")
        .await;
    let livret = b
        .wait_text("#fiche-document-line-0", "Déjà fourni et valide")
        .await;
    assert!(livret.contains("Livret de famille"), "{livret}");
    assert!(livret.contains("Valide"), "{livret}");
    b.wait_text("#fiche-document-0", "Remplacer").await;
    b.close().await;
}

#[tokio::test]
async fn a_fiche_left_after_a_step_opens_again_with_its_answers() {
    let app = TestApp::spawn_for_commune("hesdigneul").await;
    app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
        .await;
    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.goto("/demarches/fiche-enfant").await;
    b.click("#start-request").await;
    b.wait_text("#step-title", "Étape 1 sur 7 : Responsable du dossier")
        .await;
    b.click("#answer_other_situation_false").await;
    choose(&b, "#answer_family_situation", "Pac").await;
    add_address(
        &b,
        "Hesdigneul-lès-Boulogne",
        "62360",
        "Rue des Buissons Fleuris",
    )
    .await;
    b.click("#step-next").await;
    b.wait_text("#draft-status", "Brouillon n° 1 enregistré")
        .await;

    // The page is closed; later, "Mes demandes" opens the draft where it was left.
    b.goto("/mes-demandes/1/modifier").await;
    b.wait_text("#step-title", "Étape 1 sur 7 : Responsable du dossier")
        .await;
    b.wait_text("#answer_address", "Rue des Buissons Fleuris")
        .await;
    assert_eq!(b.value("#answer_family_situation").await, "pacse");
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 2 sur 7 : Conjoint").await;
    // Back and forth: what was answered stays.
    b.click("#answer_has_partner_false").await;
    b.click("#step-previous").await;
    b.wait_text("#step-title", "Étape 1 sur 7 : Responsable du dossier")
        .await;
    assert_eq!(b.value("#answer_family_situation").await, "pacse");
    b.click("#step-next").await;
    b.wait_text("#step-title", "Étape 2 sur 7 : Conjoint").await;
    let kept = b
        .find("#answer_has_partner_false")
        .await
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("true"));
    b.close().await;
}
