//! The Agenda in the browser: a parent opens the Agenda, finds the child's month, books a
//! canteen day by keyboard alone, sees it booked in words and in the history, cancels it;
//! books the whole of May with "Saisie groupée" after its report (Ascension skipped);
//! subscribes a phone.
//! Desktop and 375 px, axe-core.

use chrono::{Datelike, NaiveDate};
use tests::TestApp;

use crate::driver::Browser;

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";

/// Moves the month view forward until `day` has its button. Each month is given time to
/// load (a month being fetched still shows the previous grid) before moving on.
async fn show(b: &Browser, day: NaiveDate) {
    let script = format!("return !!document.getElementById('day-{day}');");
    for _ in 0..3 {
        for _ in 0..40 {
            if b.script_bool(&script).await {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        b.click("#agenda-next").await;
    }
    panic!("{day} never showed");
}

/// Waits until the day's cell says `words` (its text, shown or read aloud).
async fn cell_says(b: &Browser, day: NaiveDate, words: &str) {
    let script = format!(
        "const c = document.getElementById('day-{day}'); return !!c && c.textContent.includes({words:?});"
    );
    for _ in 0..50 {
        if b.script_bool(&script).await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{day} never said {words}");
}

/// The coming May (this year's until it ends, then next year's).
fn coming_may(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let year = if today.month() <= 5 {
        today.year()
    } else {
        today.year() + 1
    };
    (
        NaiveDate::from_ymd_opt(year, 5, 1).unwrap(),
        NaiveDate::from_ymd_opt(year, 5, 31).unwrap(),
    )
}

async fn journey(phone: bool) {
    // The canteen books up to 400 days ahead: next May is always within reach.
    let app = TestApp::spawn_with(|s| {
        for activity in s.commune.activities.as_mut().unwrap() {
            if activity.code == "restauration-scolaire" {
                activity.units[0].horizon_days = 400;
            }
        }
    })
    .await;
    let (token, _, child) = app.canteen_family().await;
    let canteen = ("restauration-scolaire", "repas");
    let day = app
        .days_in_state(&token, child, TestApp::tomorrow(), canteen, "bookable", 1)
        .await[0];

    let b = Browser::open(&app.address).await;
    if phone {
        b.phone().await;
    }
    b.log_in("pascal.dupin").await;
    b.click("header a[href='/agenda']").await;
    b.wait_text("h1", "Agenda").await;
    b.wait_text("#agenda-person", "DUPIN Éric").await;
    assert_eq!(b.wait_value("#agenda-person").await, child.to_string());
    b.wait_text(".agenda-legend", "Réservable").await;
    show(&b, day).await;
    let cell = format!("#day-{day}");
    cell_says(&b, day, "Réservable").await;

    // By keyboard: the day, then its "Réserver".
    b.focus(&cell).await;
    b.keys(ENTER).await;
    b.wait_focus("agenda-day-title").await;
    b.wait_text("#agenda-day", "Restauration scolaire").await;
    b.wait_text("#unit-0", "Réservable").await;
    b.assert_accessible("Agenda, a day opened").await;
    if phone {
        b.assert_fits("Agenda, a day opened (téléphone)").await;
    }
    b.keys(TAB).await;
    b.wait_focus("unit-action-0").await;
    b.keys(ENTER).await;
    b.wait_text("#agenda-status", "réservé.").await;
    b.wait_text("#unit-0", "Réservé").await;
    cell_says(&b, day, "Réservé").await;
    let history = b
        .wait_text("#agenda-history", "Restauration scolaire (Repas de midi)")
        .await;
    assert!(history.contains("DUPIN Pascal"), "{history}");
    assert!(
        history.contains(&day.format("%d/%m/%Y").to_string()),
        "{history}"
    );
    b.assert_accessible("Agenda, a day booked").await;
    if phone {
        b.assert_fits("Agenda (téléphone)").await;
    }

    // Cancelled, it is bookable again.
    b.wait_text("#unit-action-0", "Annuler").await;
    b.click("#unit-action-0").await;
    b.wait_text("#agenda-status", "réservation annulée").await;
    b.wait_text("#unit-0", "Réservable").await;
    b.wait_text("#agenda-history", "Annulation").await;

    // The week and the day views of the same agenda.
    b.click("#agenda-view-week").await;
    b.wait_text("#agenda-title", "Semaine").await;
    let cells = b
        .client
        .find_all(fantoccini::Locator::Css("#agenda-month tbody td"))
        .await
        .unwrap();
    assert_eq!(cells.len(), 7);
    b.click("#agenda-view-day").await;
    assert!(
        b.script_bool("return !!document.getElementById('agenda-day') || !!document.getElementById('agenda-no-unit');")
            .await
    );
    b.assert_accessible("Agenda, day view").await;
    b.click("#agenda-view-month").await;
    show(&b, day).await;

    // "Saisie groupée": the canteen for the whole of May, previewed, then recorded.
    b.click("#agenda-bulk").await;
    b.wait_focus("bulk-title").await;
    b.click("#bulk-preview").await;
    b.wait_text("#bulk-invalid", "au moins un usager, une activité")
        .await;
    let (may, end) = coming_may(chrono::Utc::now().date_naive());
    for (prefix, date) in [("bulk-from", may), ("bulk-to", end)] {
        b.fill(&format!("#{prefix}_day"), &date.format("%d").to_string())
            .await;
        b.fill(&format!("#{prefix}_month"), "05").await;
        b.fill(&format!("#{prefix}_year"), &date.year().to_string())
            .await;
    }
    b.click("#bulk-unit-0").await;
    b.click("#bulk-preview").await;
    let report = b.wait_text("#bulk-report", "seront réservé(s)").await;
    // Ascension Thursday is no canteen day: the report says so before anything is done.
    let ascension = domain::agenda::holidays::easter(may.year()) + chrono::Days::new(39);
    let skipped = b
        .wait_text("#bulk-skipped", &ascension.format("%d/%m/%Y").to_string())
        .await;
    assert!(skipped.contains("jour férié"), "{skipped}");
    b.assert_accessible("Agenda, bulk booking report").await;
    if phone {
        b.assert_fits("Agenda, bulk booking (téléphone)").await;
    }
    b.click("#bulk-apply").await;
    let done = b
        .wait_text("#agenda-status", "Saisie groupée enregistrée")
        .await;
    let planned = report
        .split(" jour(s)")
        .next()
        .and_then(|n| n.rsplit(|c: char| !c.is_ascii_digit()).next())
        .unwrap_or_default()
        .to_string();
    assert!(
        done.contains(&format!("{planned} jour(s) réservé(s)")),
        "{report} / {done}"
    );
    b.wait_gone("#bulk").await;
    // Every day of May the report announced is booked.
    let planned: usize = planned.parse().unwrap();
    assert!(planned >= 12, "{report}");
    app.days_in_state(&token, child, may, canteen, "booked", planned)
        .await;

    // The household's bookings in a phone's calendar: a secret address, shown once.
    b.click("#feed-create").await;
    b.wait_focus("feed-url").await;
    let url = b.value("#feed-url").await;
    assert!(
        url.contains("/api/calendar-feeds/") && url.ends_with(".ics"),
        "{url}"
    );
    b.assert_accessible("Agenda, calendar feed").await;
    if phone {
        b.assert_fits("Agenda, calendar feed (téléphone)").await;
    }
    b.click("#feed-revoke").await;
    b.wait_gone("#feed-revoke").await;
    b.close().await;
}

#[tokio::test]
async fn a_parent_books_a_canteen_day_by_keyboard_sees_it_and_cancels_it() {
    journey(false).await;
}

#[tokio::test]
async fn the_agenda_works_at_a_phones_width() {
    journey(true).await;
}
