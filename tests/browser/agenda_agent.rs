//! The agents' Agenda in the browser: an agent books today for a family from its
//! household page (with the reason the deadline asks), opens the day's list, records an
//! unjustified absence with its reason, and prints the list. Desktop and 375 px, axe-core.

use domain::auth::Role;
use serde_json::Value;
use tests::TestApp;

use crate::driver::Browser;

async fn journey(phone: bool) {
    let app = TestApp::spawn_every_day(5).await;
    let session = app
        .create_account("dupin@yopmail.com", "pascal.dupin", tests::people::PASSWORD)
        .await;
    let account = session["account"]["id"].as_i64().unwrap();
    let child = app.add_child(&[account], "Léa", "Dupin", false).await;
    app.enrol(account, child, &["mercredis-kids"], false).await;
    let household = app.household_of(account).await;
    let staff = app
        .create_staff("agent@mairie.fr", "Anne", Role::Agent)
        .await;
    let login = staff["account"]["login"].as_str().unwrap().to_string();
    let agent = staff["access_token"].as_str().unwrap().to_string();
    let today = chrono::Local::now().date_naive();

    let b = Browser::open(&app.address).await;
    if phone {
        b.phone().await;
    }
    b.log_in(&login).await;

    // Today is past the family's deadline: without a reason the booking is refused.
    b.goto(&format!("/agent/foyers/{household}")).await;
    b.wait_text("#book-for-title", "Réserver pour la famille")
        .await;
    b.find("#book_for_unit option[value='mercredis-kids/matin']")
        .await
        .click()
        .await
        .unwrap();
    b.click("#book-for-submit").await;
    b.wait_text(".alert", "aujourd'hui ou un jour passé").await;
    b.fill("#book_for_reason", "Appel de la maman ce matin.")
        .await;
    b.click("#book-for-submit").await;
    let done = b
        .wait_text("#book-for-status", "Réservé : Les mercredis kids (Matin)")
        .await;
    assert!(
        done.contains(&format!("le {} pour DUPIN Léa", today.format("%d/%m/%Y"))),
        "{done}"
    );
    b.assert_accessible("Agent, household, booked for the family")
        .await;
    if phone {
        b.assert_fits("Agent, household (téléphone)").await;
    }

    // The day's units, then the list.
    b.click(".agent-nav a[href='/agent/agenda']").await;
    b.wait_text("#unit-mercredis-kids-matin", "1 / 5 places")
        .await;
    b.assert_accessible("Agent, the day's units").await;
    if phone {
        b.assert_fits("Agent, the day's units (téléphone)").await;
    }
    b.click("#open-mercredis-kids-matin").await;
    b.wait_text("#roster-title", "Les mercredis kids (Matin)")
        .await;
    b.wait_text("#roster-booked", "DUPIN Léa").await;
    let roster: Value = app
        .get_json(
            &format!("/api/agent/agenda/mercredis-kids/matin?day={today}"),
            &agent,
        )
        .await;
    let booking = roster["children"][0]["booking_id"].as_i64().unwrap();
    b.wait_text(&format!("#attendance-now-{booking}"), "Non pointé")
        .await;
    b.assert_accessible("Agent, a unit's list").await;
    if phone {
        b.assert_fits("Agent, a unit's list (téléphone)").await;
    }

    // An unjustified absence needs its reason.
    b.find(&format!(
        "#attendance-{booking} option[value='absent_unjustified']"
    ))
    .await
    .click()
    .await
    .unwrap();
    b.click(&format!("#attendance-submit-{booking}")).await;
    b.wait_text("#roster-booked .field--error", "obligatoire")
        .await;
    b.fill(&format!("#attendance-reason-{booking}"), "Pas prévenu")
        .await;
    b.click(&format!("#attendance-submit-{booking}")).await;
    b.wait_text("#roster-status", "Absent(e), non justifié (Pas prévenu)")
        .await;
    b.wait_text(
        &format!("#attendance-now-{booking}"),
        "Absent(e), non justifié (Pas prévenu) — pointé par AGENT Anne",
    )
    .await;
    b.assert_accessible("Agent, an attendance recorded").await;

    // Printed: the list alone, its title on top, no buttons.
    b.media("print").await;
    assert!(b.displayed(".print-header").await);
    assert!(!b.displayed("#print-roster").await);
    assert!(!b.displayed(&format!("#attendance-submit-{booking}")).await);
    b.media("").await;
    b.close().await;
}

#[tokio::test]
async fn an_agent_books_for_a_family_and_records_an_absence_on_a_desktop() {
    journey(false).await;
}

#[tokio::test]
async fn an_agent_books_for_a_family_and_records_an_absence_on_a_phone() {
    journey(true).await;
}
