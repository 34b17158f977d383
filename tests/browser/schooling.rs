//! School enrolments: an agent records one on the household's page, the family downloads
//! its certificate (a PDF fetched with the bearer token and saved by the page).

use std::time::Duration;

use chrono::Datelike;
use domain::auth::Role;
use serde_json::{json, Value};
use tests::{people, TestApp};

use crate::driver::Browser;

fn token(session: &Value) -> String {
    session["access_token"]
        .as_str()
        .expect("access token")
        .to_string()
}

/// Sends a request of `procedure` with `answers`, has the agent take and accept it;
/// returns the request as the citizen sees it.
async fn accepted(
    app: &TestApp,
    citizen: &str,
    agent: &str,
    procedure: &str,
    answers: Value,
) -> Value {
    let draft = app
        .post_auth(
            "/api/requests",
            citizen,
            &json!({"procedure": procedure, "answers": answers}),
        )
        .await;
    assert_eq!(draft.status(), 201, "{}", draft.text().await.unwrap());
    let draft: Value = draft.json().await.unwrap();
    let id = draft["request"]["id"].as_i64().unwrap();
    let submitted = app
        .post_auth(&format!("/api/requests/{id}/submit"), citizen, &json!({}))
        .await;
    assert_eq!(submitted.status(), 200, "submit");
    for action in ["take", "accept"] {
        let done = app
            .post_auth(
                &format!("/api/agent/requests/{id}/{action}"),
                agent,
                &json!({}),
            )
            .await;
        assert_eq!(done.status(), 200, "{action}");
    }
    let detail = app.get_auth(&format!("/api/requests/{id}"), citizen).await;
    assert_eq!(detail.status(), 200, "request detail");
    detail.json().await.unwrap()
}

/// The school year the form offers first: from September on, the one starting.
fn current_school_year() -> String {
    let today = chrono::Local::now().date_naive();
    let start = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    format!("{start}-{}", start + 1)
}

/// Records, without saving anything to disk, the blobs the page turns into URLs and the
/// names of the `<a download>` it clicks.
const WATCH_DOWNLOADS: &str = "
    window.__downloads = [];
    window.__download_names = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => {
        window.__downloads.push({type: blob.type, size: blob.size});
        return create(blob);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
        if (this.download) {
            window.__download_names.push(this.download);
        } else {
            click.call(this);
        }
    };
";

#[tokio::test]
async fn an_agent_records_an_enrolment_and_the_family_downloads_the_certificate() {
    let app = TestApp::spawn().await;
    let citizen = token(
        &app.create_account("dupin@yopmail.com", "pascal.dupin", people::PASSWORD)
            .await,
    );
    let agent_session = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let agent = token(&agent_session);
    let agent_login = agent_session["account"]["login"]
        .as_str()
        .unwrap()
        .to_string();

    // Léa joins the household through an accepted "Mise à jour d'une filiation".
    let answers = json!({
        "relation": "child", "sex": "female", "birth_name": "Dupin", "first_name": "Léa",
        "birth_date": "2017-05-14", "birth_country": "France", "birth_city": "Arras",
        "birth_department": "62",
    });
    let request = accepted(&app, &citizen, &agent, "mise-a-jour-filiation", answers).await;
    let household = request["household_id"].as_i64().expect("household_id");
    let profile: Value = app.get_json("/api/me/profile", &citizen).await;
    let lea = profile["household"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["first_name"] == "Léa")
        .expect("Léa in the household")["person_id"]
        .as_i64()
        .unwrap();
    assert_eq!(profile["schooled_children"], json!([]));

    // The agent records her enrolment from the household's page.
    let b = Browser::open(&app.address).await;
    b.log_in(&agent_login).await;
    b.goto(&format!("/agent/foyers/{household}")).await;
    b.wait_text("main h1", "Foyer de DUPIN Pascal").await;
    b.wait_text("#enrolments-title", "Inscriptions scolaires")
        .await;
    b.click(&format!("#enrolment-open-{lea}")).await;
    b.find("#enrolment_school_year").await;
    assert_eq!(
        b.value("#enrolment_school_year").await,
        current_school_year()
    );
    b.fill("#enrolment_school_year", "2026-2028").await;
    b.fill("#enrolment_establishment", "École Jules Ferry")
        .await;
    b.fill("#enrolment_level", "CE2").await;
    b.fill("#enrolment_class_name", "CE2 B").await;
    b.click("#enrolment-submit").await;
    b.wait_text("#enrolment_school_year-error", "Année scolaire invalide")
        .await;
    b.assert_accessible("enrolment form with an error").await;
    b.fill("#enrolment_school_year", "2026-2027").await;
    b.click("#enrolment-submit").await;
    b.wait_text("#enrolment-status", "Inscription enregistrée.")
        .await;
    let schooling = b
        .wait_text(
            "section[aria-labelledby='schooling-title']",
            "École Jules Ferry",
        )
        .await;
    assert!(schooling.contains("DUPIN Léa"), "{schooling}");
    assert!(schooling.contains("2026-2027"), "{schooling}");
    // The agent's view offers no certificate: it is the family's.
    assert!(b
        .client
        .find(fantoccini::Locator::Css("[id^='certificate-']"))
        .await
        .is_err());
    b.assert_accessible("household with a new enrolment").await;
    b.close().await;

    let profile: Value = app.get_json("/api/me/profile", &citizen).await;
    let enrolment = &profile["schooled_children"][0];
    assert_eq!(enrolment["person_id"], lea);
    assert_eq!(enrolment["level"], "CE2");
    assert_eq!(enrolment["class_name"], "CE2 B");
    let enrolment = enrolment["id"].as_i64().unwrap();

    // The family sees it in "Mon profil" and downloads the certificate.
    let b = Browser::open(&app.address).await;
    b.log_in("pascal.dupin").await;
    b.goto("/mon-compte/profil").await;
    b.wait_text(
        "section[aria-labelledby='schooling-title']",
        "École Jules Ferry",
    )
    .await;
    b.assert_accessible("profile with a schooled child").await;
    let button = format!("#certificate-{enrolment}");
    let name = b
        .client
        .execute(
            "const b = document.querySelector(arguments[0]);
             return b.textContent;",
            vec![json!(button)],
        )
        .await
        .expect("button name");
    let name = name.as_str().unwrap_or_default();
    assert!(
        name.contains("Télécharger le certificat d'inscription")
            && name.contains("DUPIN Léa")
            && name.contains("2026-2027"),
        "{name}"
    );
    b.client
        .execute(WATCH_DOWNLOADS, vec![])
        .await
        .expect("watch downloads");
    b.click(&button).await;
    let mut downloads = json!([]);
    for _ in 0..100 {
        downloads = b
            .client
            .execute(
                "return {blobs: window.__downloads, names: window.__download_names};",
                vec![],
            )
            .await
            .expect("downloads");
        if !downloads["names"].as_array().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let blobs = downloads["blobs"].as_array().expect("blobs");
    assert_eq!(blobs.len(), 1, "{downloads}");
    assert_eq!(blobs[0]["type"], "application/pdf", "{downloads}");
    assert!(blobs[0]["size"].as_u64().unwrap() > 500, "{downloads}");
    assert_eq!(
        downloads["names"],
        json!(["certificat-inscription-lea-2026-2027.pdf"])
    );
    b.wait_text(&button, "Télécharger le certificat d'inscription")
        .await;
    b.close().await;

    // The same certificate through the API.
    let response = app
        .get_auth(
            &format!("/api/me/enrolments/{enrolment}/certificate"),
            &citizen,
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/pdf"
    );
    let pdf = response.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF"), "not a PDF");
}
