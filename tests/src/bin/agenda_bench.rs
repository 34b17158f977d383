//! Benchmark of the Agenda (not a test): a real portal on its own database (SQLite, or
//! PostgreSQL when `GUICHET_TEST_DATABASE_URL` is set), a generated commune of 1,000 and
//! of 100,000 inhabitants with a school year of bookings, then
//! - the month view of one child under `oha` at 1,000 requests/s (p50, p99);
//! - a year of bookings for 3 children × 2 units in one "saisie groupée" (5 families);
//! - the opening-day rush: 2,000 families at once on the 200 places of the July centre;
//!   exactly 200 booked, the rest waiting, none lost.
//!
//! Run: `cargo xtask bench-agenda [--postgres]` (installs `oha`, builds in release). The
//! figures and the machine they came from are in docs/PERFORMANCE.md.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use domain::agenda::BookingStatus;
use domain::ids::AccountId;
use serde_json::{json, Value};
use tests::dataset::{self, Dataset, YearOfBookings};
use tests::TestApp;

const CANTEEN: (&str, &str) = ("restauration-scolaire", "repas");
const MORNING: (&str, &str) = ("garderie", "matin-gratuite");
const JULY: (&str, &str) = ("accueil-loisirs-juillet", "journee");

fn oha() -> PathBuf {
    let path = std::env::var_os("OHA")
        .map(PathBuf::from)
        .unwrap_or_else(|| tests::app::workspace_root().join("target/tools/bin/oha"));
    assert!(
        path.exists(),
        "oha not found at {path:?}: cargo xtask bench-agenda installs it"
    );
    path
}

/// A session for the family's holder, without its password (argon2 is not what is
/// measured).
async fn token(app: &TestApp, account: i64) -> String {
    let jwt = app.state.jwt.clone();
    app.state
        .run(move |conn| api::areas::auth::sessions::open(conn, &jwt, AccountId(account)))
        .await
        .expect("a session")
        .access_token
}

/// Hesdigneul (canteen and garderie every school day), without capacities (a town of
/// 100,000 has more than one canteen), booked up to 400 days ahead.
async fn hesdigneul() -> TestApp {
    TestApp::spawn_with(|s| {
        s.commune = api::config::CommuneSettings {
            preset: Some("hesdigneul".into()),
            ..Default::default()
        };
        s.commune.resolve().expect("known preset");
        for activity in s.commune.activities.as_mut().unwrap() {
            for unit in &mut activity.units {
                unit.capacity = None;
                unit.horizon_days = 400;
            }
        }
    })
    .await
}

fn open_days(app: &TestApp, (activity, unit): (&str, &str)) -> Vec<NaiveDate> {
    let settings = &app.state.settings;
    let unit = settings
        .commune
        .activities()
        .iter()
        .find(|a| a.code == activity)
        .and_then(|a| a.units.iter().find(|u| u.code == unit))
        .expect("unit")
        .clone();
    let (from, to) = dataset::school_year_span(chrono::Utc::now().date_naive());
    let calendar = &settings.commune.calendar;
    dataset::open_days(from, to, |d| unit.opening(d, calendar).is_ok())
}

async fn populate(app: &TestApp, inhabitants: usize) -> (Dataset, Duration) {
    let canteen = open_days(app, CANTEEN);
    let morning = open_days(app, MORNING);
    let pool = app.state.pool.clone();
    let started = Instant::now();
    let set = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        dataset::generate(
            &mut conn,
            inhabitants,
            &[CANTEEN.0, MORNING.0],
            &[
                YearOfBookings {
                    activity: CANTEEN.0.into(),
                    unit: CANTEEN.1.into(),
                    every: 1,
                    days: canteen,
                },
                YearOfBookings {
                    activity: MORNING.0.into(),
                    unit: MORNING.1.into(),
                    every: 3,
                    days: morning,
                },
            ],
        )
    })
    .await
    .unwrap();
    (set, started.elapsed())
}

struct Load {
    rps: f64,
    p50: f64,
    p99: f64,
    ok: u64,
    total: u64,
}

/// `oha` on `url` at `rate` requests a second for `seconds`, with the token.
fn load(url: &str, token: &str, rate: u32, seconds: u32) -> Load {
    let out = Command::new(oha())
        .args([
            "--no-tui",
            "--output-format",
            "json",
            "--latency-correction",
        ])
        .args([
            "-z",
            &format!("{seconds}s"),
            "-q",
            &rate.to_string(),
            "-c",
            "64",
        ])
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .arg(url)
        .output()
        .expect("oha runs");
    assert!(
        out.status.success(),
        "oha: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("oha's JSON");
    let ms = |v: &Value| v.as_f64().unwrap_or(f64::NAN) * 1000.0;
    let codes = &report["statusCodeDistribution"];
    let total = codes
        .as_object()
        .map(|c| c.values().filter_map(Value::as_u64).sum())
        .unwrap_or(0);
    Load {
        rps: report["summary"]["requestsPerSec"].as_f64().unwrap_or(0.0),
        p50: ms(&report["latencyPercentiles"]["p50"]),
        p99: ms(&report["latencyPercentiles"]["p99"]),
        ok: codes["200"].as_u64().unwrap_or(0),
        total,
    }
}

/// The month view's period the SPA asks for: the Monday before the 1st, 42 days.
fn month_grid(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = today.with_day(1).unwrap();
    let monday = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    (monday, monday + Days::new(41))
}

async fn month_view(app: &TestApp, set: &Dataset) -> Load {
    let family = &set.families[set.families.len() / 2];
    let token = token(app, family.account).await;
    let (from, to) = month_grid(chrono::Utc::now().date_naive());
    let url = app.url(&format!(
        "/api/agenda/{}?from={from}&to={to}",
        family.children[0]
    ));
    // Warm: the answer is the one measured.
    let first = app.get_auth(&url[app.address.len()..], &token).await;
    assert_eq!(first.status(), 200);
    let url2 = url.clone();
    tokio::task::spawn_blocking(move || load(&url2, &token, 1000, 20))
        .await
        .unwrap()
}

/// A year (366 days from tomorrow) of the canteen and the morning garderie for the three
/// children of fresh families, in one request each: its time and how many days it booked.
async fn bulk_year(app: &TestApp, set: &Dataset) -> Vec<(Duration, u64)> {
    let tomorrow = chrono::Utc::now().date_naive() + Days::new(1);
    let mut runs = Vec::new();
    for family in set
        .families
        .iter()
        .filter(|f| f.children.len() == 3)
        .skip(1)
        .take(5)
    {
        let token = token(app, family.account).await;
        // Their dataset bookings are cancelled first: the year is theirs to book.
        let pool = app.state.pool.clone();
        let household = family.household;
        tokio::task::spawn_blocking(move || {
            use diesel::connection::SimpleConnection;
            let mut conn = pool.get().unwrap();
            conn.batch_execute(&format!(
                "DELETE FROM bookings WHERE household_id = {household}"
            ))
            .unwrap();
        })
        .await
        .unwrap();
        let body = json!({
            "persons": family.children,
            "action": "create",
            "from": tomorrow,
            "to": tomorrow + Days::new(365),
            "units": [{"activity": CANTEEN.0, "unit": CANTEEN.1}, {"activity": MORNING.0, "unit": MORNING.1}],
            "periodicity": "every_week",
            "weekdays": ["mon", "tue", "wed", "thu", "fri"],
            "apply": true,
        });
        let started = Instant::now();
        let response = app.post_auth("/api/agenda/bulk", &token, &body).await;
        let took = started.elapsed();
        assert_eq!(response.status(), 200);
        let report: Value = response.json().await.unwrap();
        runs.push((took, report["booked"].as_u64().unwrap_or(0)));
    }
    runs
}

/// 2,000 families, each booking its child on the first July day of the centre (200
/// places), all at once.
async fn rush() -> (usize, Duration, [i64; 2], usize) {
    let app = TestApp::spawn_with(|s| {
        let july = s
            .commune
            .activities
            .as_mut()
            .unwrap()
            .iter_mut()
            .find(|a| a.code == JULY.0)
            .unwrap();
        july.units[0].capacity = Some(200);
    })
    .await;
    let pool = app.state.pool.clone();
    let set = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        dataset::generate(&mut conn, 13_500, &[JULY.0], &[])
    })
    .await
    .unwrap();
    let families: Vec<_> = set.families.iter().take(2000).cloned().collect();
    assert_eq!(families.len(), 2000, "2,000 families generated");
    let mut tokens = Vec::new();
    for f in &families {
        tokens.push(token(&app, f.account).await);
    }
    let today = chrono::Utc::now().date_naive();
    let july = NaiveDate::from_ymd_opt(today.year() + i32::from(today.month() >= 7), 7, 1).unwrap();
    let day = app
        .days_in_state(
            &tokens[0],
            families[0].children[0],
            july,
            JULY,
            "bookable",
            1,
        )
        .await[0];
    assert!(day.weekday() != Weekday::Sat && day.weekday() != Weekday::Sun);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(2000)
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    let started = Instant::now();
    let requests = families.iter().zip(&tokens).map(|(f, t)| {
        let (client, url) = (
            client.clone(),
            app.url(&format!("/api/agenda/{}/bookings", f.children[0])),
        );
        let body = json!({"day": day, "activity": JULY.0, "unit": JULY.1});
        let token = t.clone();
        async move {
            client
                .post(url)
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .map(|r| r.status().as_u16())
        }
    });
    let answers = futures_util::future::join_all(requests).await;
    let took = started.elapsed();
    let created = answers.iter().filter(|a| matches!(a, Ok(201))).count();
    let pool = app.state.pool.clone();
    let counts = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().unwrap();
        let rows = db::rosters::of_unit_day(&mut conn, JULY.0, JULY.1, day).unwrap();
        let of = |s: BookingStatus| rows.iter().filter(|r| r.status == s).count() as i64;
        [of(BookingStatus::Booked), of(BookingStatus::Waiting)]
    })
    .await
    .unwrap();
    (families.len(), took, counts, created)
}

#[tokio::main]
async fn main() {
    let backend = if std::env::var("GUICHET_TEST_DATABASE_URL").is_ok() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!("## Agenda on {backend}\n");
    println!("| inhabitants | households | children | bookings | generated in | month view req/s | p50 | p99 | 200 OK |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut p99s = Vec::new();
    let mut bulk = Vec::new();
    for inhabitants in [1_000, 100_000] {
        let app = hesdigneul().await;
        let (set, generated) = populate(&app, inhabitants).await;
        let children: usize = set.families.iter().map(|f| f.children.len()).sum();
        let month = month_view(&app, &set).await;
        println!(
            "| {} | {} | {children} | {} | {:.1} s | {:.0} | {:.2} ms | {:.2} ms | {}/{} |",
            set.inhabitants,
            set.households,
            set.bookings,
            generated.as_secs_f64(),
            month.rps,
            month.p50,
            month.p99,
            month.ok,
            month.total
        );
        p99s.push(month.p99);
        if inhabitants == 1_000 {
            bulk = bulk_year(&app, &set).await;
        }
    }
    println!(
        "\nMonth view p99 at 100,000 / at 1,000: {:.2}×\n",
        p99s[1] / p99s[0]
    );
    println!("| bulk booking of a year, 3 children × 2 units | time | days booked |");
    println!("|---|---|---|");
    for (i, (took, booked)) in bulk.iter().enumerate() {
        println!(
            "| family {} | {:.1} ms | {booked} |",
            i + 1,
            took.as_secs_f64() * 1000.0
        );
    }
    let (families, took, [booked, waiting], created) = rush().await;
    println!(
        "\n| opening-day rush | families | time | requests/s | 201 Created | booked | waiting |"
    );
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| July centre, 200 places | {families} | {:.2} s | {:.0} | {created} | {booked} | {waiting} |",
        took.as_secs_f64(),
        families as f64 / took.as_secs_f64()
    );
    assert_eq!(created, families, "every family answered 201");
    assert_eq!(
        (booked, waiting),
        (200, families as i64 - 200),
        "exactly 200 booked, the rest waiting, none lost"
    );
}
