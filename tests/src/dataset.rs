//! A commune's population for benchmarks: households (a holder, a partner in some), the
//! families' children enrolled in the activities and at school for the school years of
//! today and of the coming months, each family's holder with an account, and a school
//! year of canteen (and, for some, garderie) bookings on the days the units open. Written
//! in batches of plain SQL with ids of its own (from `FIRST_ID`), on either database.

use chrono::{Datelike, Days, NaiveDate};
use diesel::connection::SimpleConnection;
use domain::request::form::school_year_of;

/// Generated rows take ids from here: the portal's own rows (sessions, bookings made
/// during a benchmark) keep theirs below or after, never the same.
pub const FIRST_ID: i64 = 10_000_000;

/// Rows per INSERT statement.
const BATCH: usize = 500;

/// A family of the dataset: its holder's account, its household and its children.
#[derive(Debug, Clone)]
pub struct Family {
    pub account: i64,
    pub household: i64,
    pub children: Vec<i64>,
}

/// What was generated.
#[derive(Debug, Default)]
pub struct Dataset {
    pub inhabitants: usize,
    pub households: usize,
    pub families: Vec<Family>,
    pub bookings: usize,
}

/// What the dataset books: `(activity, unit, share of the children, open days)`.
pub struct YearOfBookings {
    pub activity: String,
    pub unit: String,
    /// One child in `every` is booked on every open day.
    pub every: usize,
    pub days: Vec<NaiveDate>,
}

struct Rows {
    table: &'static str,
    columns: &'static str,
    values: Vec<String>,
}

impl Rows {
    fn new(table: &'static str, columns: &'static str) -> Rows {
        Rows {
            table,
            columns,
            values: Vec::new(),
        }
    }

    fn flush(&mut self, conn: &mut db::Conn) {
        if self.values.is_empty() {
            return;
        }
        let sql = format!(
            "INSERT INTO {} ({}) VALUES {};",
            self.table,
            self.columns,
            self.values.join(",")
        );
        conn.batch_execute(&sql)
            .unwrap_or_else(|e| panic!("insert into {}: {e}", self.table));
        self.values.clear();
    }
}

/// The tables written, in the order of their foreign keys: when one batch is full, all
/// are written, parents first.
struct Tables(Vec<Rows>);

impl Tables {
    fn push(&mut self, conn: &mut db::Conn, table: usize, row: String) {
        self.0[table].values.push(row);
        if self.0[table].values.len() >= BATCH {
            self.flush(conn);
        }
    }

    fn flush(&mut self, conn: &mut db::Conn) {
        for rows in &mut self.0 {
            rows.flush(conn);
        }
    }
}

const PERSONS: usize = 0;
const HOUSEHOLDS: usize = 1;
const MEMBERS: usize = 2;
const ACCOUNTS: usize = 3;
const SCHOOLS: usize = 4;
const ENROLMENTS: usize = 5;
const BOOKINGS: usize = 6;

/// The school years of today and of the coming months (`2026-2027`, `2027-2028`).
pub fn school_years(today: NaiveDate) -> Vec<String> {
    let mut years: Vec<String> = [0u64, 200, 366]
        .iter()
        .map(|d| school_year_of(today + Days::new(*d)))
        .collect();
    years.dedup();
    years
}

/// A population of about `inhabitants`: 2.5 people a household, four households in ten
/// a family with one to three children (and both parents). Children are enrolled in
/// `activities` and at school; `year` books their days.
pub fn generate(
    conn: &mut db::Conn,
    inhabitants: usize,
    activities: &[&str],
    year: &[YearOfBookings],
) -> Dataset {
    conn.batch_execute(if conn.backend() == db::Backend::Sqlite {
        "BEGIN;"
    } else {
        "BEGIN; SET LOCAL synchronous_commit = off;"
    })
    .expect("begin");
    let now = "2026-09-01 08:00:00";
    let years = school_years(chrono::Utc::now().date_naive());
    let mut tables = Tables(vec![
        Rows::new(
        "persons",
        "id, civility, birth_name, first_name, birth_date, birth_country, birth_city, created_at, updated_at, sex",
    ),
        Rows::new("households", "id, holder_person_id, created_at"),
        Rows::new(
        "household_members",
        "household_id, person_id, role, created_at",
    ),
        Rows::new(
        "accounts",
        "id, person_id, email, login, role, status, terms_accepted_at, privacy_consent_at, created_at, activated_at",
    ),
        Rows::new(
        "school_enrolments",
        "id, person_id, school_year, establishment, level, created_at",
    ),
        Rows::new(
        "enrolments",
        "id, household_id, person_id, activity, school_year, created_at",
    ),
        Rows::new(
        "bookings",
        "id, household_id, person_id, activity, unit, day, status, created_at, updated_at",
    ),
    ]);
    let mut next = FIRST_ID;
    let mut id = || {
        next += 1;
        next
    };
    let mut set = Dataset::default();
    let mut child_number = 0usize;
    while set.inhabitants < inhabitants {
        let household = id();
        let holder = id();
        let family = set.households % 10 < 4;
        tables.push(conn, PERSONS, person(holder, "madame", "Parent", 1985, now));
        tables.push(
            conn,
            HOUSEHOLDS,
            format!("({household}, {holder}, '{now}')"),
        );
        tables.push(
            conn,
            MEMBERS,
            format!("({household}, {holder}, 'account_holder', '{now}')"),
        );
        set.households += 1;
        set.inhabitants += 1;
        if family || set.households % 2 == 0 {
            let partner = id();
            tables.push(
                conn,
                PERSONS,
                person(partner, "monsieur", "Conjoint", 1984, now),
            );
            tables.push(
                conn,
                MEMBERS,
                format!("({household}, {partner}, 'adult', '{now}')"),
            );
            set.inhabitants += 1;
        }
        if !family {
            continue;
        }
        let account = id();
        tables.push(conn, ACCOUNTS,
            format!(
                "({account}, {holder}, 'famille{account}@bench.example', 'famille.{account}', 'citizen', 'active', '{now}', '{now}', '{now}', '{now}')"
            ),
        );
        let mut children = Vec::new();
        for _ in 0..(set.families.len() % 3 + 1) {
            let child = id();
            children.push(child);
            child_number += 1;
            tables.push(
                conn,
                PERSONS,
                person(child, "monsieur", "Enfant", 2017, now),
            );
            tables.push(
                conn,
                MEMBERS,
                format!("({household}, {child}, 'child', '{now}')"),
            );
            set.inhabitants += 1;
            for school_year in &years {
                tables.push(
                    conn,
                    SCHOOLS,
                    format!(
                        "({}, {child}, '{school_year}', 'École Jules Ferry', 'CE2', '{now}')",
                        id()
                    ),
                );
                for activity in activities {
                    tables.push(
                        conn,
                        ENROLMENTS,
                        format!(
                            "({}, {household}, {child}, '{activity}', '{school_year}', '{now}')",
                            id()
                        ),
                    );
                }
            }
            for booked in year {
                if child_number % booked.every != 0 {
                    continue;
                }
                for day in &booked.days {
                    tables.push(conn, BOOKINGS,
                        format!(
                            "({}, {household}, {child}, '{}', '{}', '{day}', 'booked', '{now}', '{now}')",
                            id(),
                            booked.activity,
                            booked.unit
                        ),
                    );
                    set.bookings += 1;
                }
            }
        }
        set.families.push(Family {
            account,
            household,
            children,
        });
    }
    tables.flush(conn);
    conn.batch_execute("COMMIT;").expect("commit");
    if conn.backend() == db::Backend::Postgres {
        conn.batch_execute("ANALYZE;").expect("analyze");
    }
    set
}

fn person(id: i64, civility: &str, name: &str, born: i32, now: &str) -> String {
    let birth =
        NaiveDate::from_ymd_opt(born, 1 + (id % 12) as u32, 1 + (id % 28) as u32).expect("a date");
    format!(
        "({id}, '{civility}', '{name}', 'N{id}', '{birth}', 'France', 'Lille', '{now}', '{now}', '{}')",
        if civility == "madame" { "female" } else { "male" }
    )
}

/// The days from `from` to `to` on which `open` says yes.
pub fn open_days(
    from: NaiveDate,
    to: NaiveDate,
    open: impl Fn(NaiveDate) -> bool,
) -> Vec<NaiveDate> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| open(*d))
        .collect()
}

/// The school year under way (1 September to 6 July).
pub fn school_year_span(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = if today.month() >= 9 {
        today.year()
    } else {
        today.year() - 1
    };
    (
        NaiveDate::from_ymd_opt(start, 9, 1).expect("1 September"),
        NaiveDate::from_ymd_opt(start + 1, 7, 6).expect("6 July"),
    )
}
