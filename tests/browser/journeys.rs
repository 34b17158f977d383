//! What a citizen does in the browser, end to end, with axe-core on each screen.

use tests::{people, TestApp};

use crate::driver::Browser;

const EMAIL: &str = "pascal.dupin@yopmail.com";

async fn fill_registration(b: &Browser) {
    b.find("#civility")
        .await
        .select_by_value("monsieur")
        .await
        .expect("civilité");
    b.fill("#birth_name", "Dupin").await;
    b.fill("#first_name", "Pascal").await;
    b.fill("#birth_day", "04").await;
    b.fill("#birth_month", "03").await;
    b.fill("#birth_year", "1988").await;
    b.fill("#birth_city", "LYON 02").await;
    b.fill("#birth_department", "69").await;
    b.fill("#email", EMAIL).await;
}

#[tokio::test]
async fn a_new_citizen_registers_activates_logs_out_in_and_resets_the_password() {
    let app = TestApp::spawn().await;
    let b = Browser::open(&app.address).await;

    // Public home -> "Créer mon compte".
    b.goto("/").await;
    b.wait_text("body", "ACTUALITÉS").await;
    b.assert_accessible("home").await;
    b.click("a[href='/creer-mon-compte']").await;
    b.wait_text("main h1", "Création de compte").await;

    // The form stops on missing fields and says why.
    b.click("#registration-next").await;
    b.wait_text(".error-summary", "Nom de naissance").await;
    b.assert_accessible("registration form with errors").await;

    // Clicking the image renews it.
    let image = || async {
        b.find("button.captcha-image img")
            .await
            .attr("src")
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    };
    let first = image().await;
    assert!(first.starts_with("data:image/png;base64,"));
    b.click("button.captcha-image").await;
    let mut renewed = first.clone();
    for _ in 0..100 {
        renewed = image().await;
        if renewed != first && !renewed.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_ne!(renewed, first, "clicking the captcha image renews it");

    fill_registration(&b).await;
    b.click("#terms_accepted").await;
    b.click("#privacy_consent").await;
    // A mistyped image is reported on the form, before the recap, with a new image.
    b.fill("#captcha_answer", "zzzzz").await;
    b.click("#registration-next").await;
    b.wait_text("main", "Les caractères recopiés ne correspondent pas")
        .await;
    assert_eq!(b.value("#captcha_answer").await, "");
    b.assert_accessible("a mistyped captcha").await;
    // The accessible alternative to the image: the browser solves a proof of work.
    b.click("#captcha-pow").await;
    b.wait_text(".captcha-status", "Vérification automatique réussie.")
        .await;
    // The terms to accept can be read, in a new tab so nothing typed is lost.
    let link = b.find("#terms-link").await;
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some("/conditions-generales")
    );
    assert_eq!(
        link.attr("target").await.unwrap().as_deref(),
        Some("_blank")
    );
    b.click("#registration-next").await;
    b.wait_text("#step-title", "Informations de la demande")
        .await;
    b.wait_text("main", "04/03/1988").await;
    b.assert_accessible("registration recap").await;
    // "Modifier les informations" goes back to the form with nothing lost.
    b.click("#registration-edit").await;
    b.wait_text("main h1", "Création de compte").await;
    assert_eq!(b.value("#birth_name").await, "Dupin");
    assert_eq!(b.value("#email").await, EMAIL);
    b.click("#registration-next").await;
    b.wait_text("#step-title", "Informations de la demande")
        .await;
    b.click("#registration-save").await;
    b.wait_text(".alert--success", EMAIL).await;

    // Open the activation mail's link.
    let mail = app.smtp.wait_for(EMAIL, "activez votre compte").await;
    b.goto(&mail.link("/activation/").expect("activation link"))
        .await;
    b.find("#login").await;
    for _ in 0..50 {
        if b.value("#login").await == "pascal.dupin" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(b.value("#login").await, "pascal.dupin");
    b.fill("#password", "faible").await;
    b.wait_text("#password-meter", "Faible").await;
    b.fill("#password", people::PASSWORD).await;
    b.wait_text("#password-meter", "Moyen").await;
    b.fill("#password_confirmation", people::PASSWORD).await;
    b.assert_accessible("activation").await;
    b.click("#activation-submit").await;
    b.wait_text("header", "Bonjour Pascal DUPIN").await;
    b.assert_accessible("home, logged in").await;

    // "Mon compte" -> "Mon profil".
    b.click("#account-menu-button").await;
    b.click("#account-menu-list a[href='/mon-compte/profil']")
        .await;
    b.wait_text("main h1", "Mon profil").await;
    b.wait_text("main", EMAIL).await;
    b.assert_accessible("profile").await;

    // Déconnexion, then "Me connecter".
    b.click("#account-menu-button").await;
    b.click("#logout-button").await;
    b.wait_text("header", "Me connecter").await;
    b.goto("/connexion").await;
    b.fill("#login", "pascal.dupin").await;
    b.fill("#password", people::PASSWORD).await;
    b.assert_accessible("login").await;
    b.click("#login-submit").await;
    b.wait_text("header", "Bonjour Pascal DUPIN").await;
    b.click("#account-menu-button").await;
    b.click("#logout-button").await;
    b.wait_text("header", "Me connecter").await;

    // Forgotten password -> mail -> reset -> log in with the new one.
    b.goto("/identifiants-oublies").await;
    b.click("#lost_password").await;
    b.fill("#identifier", "pascal.dupin").await;
    b.assert_accessible("forgotten password").await;
    b.click("#forgotten-submit").await;
    b.wait_text("[role=status]", "courriel").await;
    let mail = app.smtp.wait_for(EMAIL, "réinitialisation").await;
    b.goto(&mail.link("/reinitialisation/").expect("reset link"))
        .await;
    b.wait_text("#reset-login", "pascal.dupin").await;
    b.fill("#password", people::OTHER_PASSWORD).await;
    b.fill("#password_confirmation", people::OTHER_PASSWORD)
        .await;
    b.assert_accessible("reset").await;
    b.click("#reset-submit").await;
    b.wait_text(".alert--success", "Me connecter").await;
    b.goto("/connexion").await;
    b.fill("#login", "pascal.dupin").await;
    b.fill("#password", people::OTHER_PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_text("header", "Bonjour Pascal DUPIN").await;
    b.close().await;
}

#[tokio::test]
async fn the_home_search_filters_procedures_as_you_type_and_a_procedure_asks_to_log_in_first() {
    let app = TestApp::spawn().await;
    app.create_account(EMAIL, "pascal.dupin", people::PASSWORD)
        .await;
    let b = Browser::open(&app.address).await;
    b.goto("/").await;
    b.wait_text("main", "Fiche enfant").await;
    b.fill("#search", "fêtes").await;
    b.wait_text("#search-count", "1").await;
    let main = b.wait_text("main", "Location de la salle des fêtes").await;
    assert!(
        !main.contains("Fiche enfant"),
        "the search keeps only matching procedures"
    );
    b.assert_accessible("home search").await;
    b.fill("#search", "piscine").await;
    b.wait_text("main", "Aucune démarche ne correspond à votre recherche.")
        .await;

    // Opening a procedure while logged out leads to login, then back to the procedure.
    b.fill("#search", "salle").await;
    b.click("a[href='/demarches/location-salle-des-fetes']")
        .await;
    b.wait_path("/connexion?retour=%2Fdemarches%2Flocation-salle-des-fetes")
        .await;
    b.fill("#login", "pascal.dupin").await;
    b.fill("#password", people::PASSWORD).await;
    b.click("#login-submit").await;
    b.wait_path("/demarches/location-salle-des-fetes").await;
    b.wait_text("main h1", "Location de la salle des fêtes")
        .await;
    b.assert_accessible("procedure page").await;
    b.close().await;
}
