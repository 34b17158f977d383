//! The Agenda for tests: a child enrolled (and schooled) for this school year and the next,
//! and the days the agenda says are bookable, whatever the date the tests run on.

use chrono::{Days, NaiveDate};
use domain::ids::{AccountId, PersonId};
use domain::request::form::school_year_of;
use domain::request::RequestStatus;
use serde_json::Value;

use crate::TestApp;

impl TestApp {
    /// A portal whose "mercredis kids" unit (`mercredis-kids`, `matin`) is changed by
    /// `change` (its capacity, its days, its deadlines).
    pub async fn spawn_with_kids(change: impl FnOnce(&mut domain::agenda::Unit)) -> TestApp {
        TestApp::spawn_with(move |s| {
            let kids = s
                .commune
                .activities
                .as_mut()
                .unwrap()
                .iter_mut()
                .find(|a| a.code == "mercredis-kids")
                .unwrap();
            change(&mut kids.units[0]);
        })
        .await
    }

    /// "Mercredis kids" open every day of the year, `places` children a day: tests find a
    /// past and a coming open day whatever the date they run on.
    pub async fn spawn_every_day(places: u32) -> TestApp {
        TestApp::spawn_with_kids(move |unit| {
            unit.capacity = Some(places);
            unit.weekdays = domain::agenda::WeekDay::ALL.to_vec();
            unit.period = domain::agenda::Period::All;
        })
        .await
    }

    /// Enrols `child` of the account's household in `activities` and at school, for the
    /// school years of today and of the coming months, as an accepted fiche enfant would
    /// (a closed fiche is the enrolments' request).
    pub async fn enrol(&self, account: i64, child: i64, activities: &[&str], schooled: bool) {
        let today = chrono::Utc::now().date_naive();
        let mut years: Vec<String> = [0, 120, 240]
            .map(|d| school_year_of(today.checked_add_days(Days::new(d)).unwrap()))
            .to_vec();
        years.dedup();
        let activities: Vec<String> = activities.iter().map(|a| a.to_string()).collect();
        let pool = self.state.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            let now = db::now();
            let account = AccountId(account);
            let holder = db::accounts::find(&mut conn, account)
                .unwrap()
                .unwrap()
                .person_id;
            let household = db::households::of_holder(&mut conn, holder)
                .unwrap()
                .unwrap();
            let procedure = db::catalogue::all_procedures(&mut conn).unwrap()[0].id;
            let number = db::requests::next_number(&mut conn).unwrap();
            let request = db::requests::insert(
                &mut conn,
                &db::requests::NewRequest {
                    number,
                    procedure_id: procedure,
                    household_id: household,
                    account_id: account,
                    person_id: Some(PersonId(child)),
                    status: RequestStatus::Closed,
                    answers: "{}",
                    created_at: now,
                    updated_at: now,
                },
            )
            .unwrap();
            for year in &years {
                for activity in &activities {
                    db::enrolments::enrol(
                        &mut conn,
                        &db::enrolments::NewEnrolment {
                            household_id: household,
                            person_id: PersonId(child),
                            activity,
                            school_year: year,
                            request_id: request,
                            created_at: now,
                        },
                    )
                    .unwrap();
                }
                if schooled {
                    db::enrolments::set_school(
                        &mut conn,
                        PersonId(child),
                        year,
                        "École Jules Ferry",
                        "CE2",
                        None,
                        now,
                    )
                    .unwrap();
                }
            }
        })
        .await
        .unwrap();
    }

    /// A family (pascal.dupin) with a child, Éric, enrolled and schooled for the canteen:
    /// the token, the account and the child.
    pub async fn canteen_family(&self) -> (String, i64, i64) {
        let session = self
            .create_account("dupin@yopmail.com", "pascal.dupin", crate::people::PASSWORD)
            .await;
        let token = session["access_token"].as_str().unwrap().to_string();
        let account = session["account"]["id"].as_i64().unwrap();
        let child = self.add_child(&[account], "Éric", "Dupin", false).await;
        self.enrol(account, child, &["restauration-scolaire"], true)
            .await;
        (token, account, child)
    }

    /// A booking written straight into the database, as an earlier configuration (no
    /// capacity yet, a day not closed yet) let it be made: its id.
    pub async fn booked_before(
        &self,
        account: i64,
        child: i64,
        (activity, unit): (&str, &str),
        day: NaiveDate,
    ) -> i64 {
        let household = domain::ids::HouseholdId(self.household_of(account).await);
        let (activity, unit) = (activity.to_string(), unit.to_string());
        let pool = self.state.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            db::bookings::insert(
                &mut conn,
                &db::bookings::NewBooking {
                    household_id: household,
                    person_id: PersonId(child),
                    activity: &activity,
                    unit: &unit,
                    day,
                    status: domain::agenda::BookingStatus::Booked,
                    at: db::now(),
                },
            )
            .unwrap()
            .get()
        })
        .await
        .unwrap()
    }

    /// Tomorrow at the town hall (near enough: the tests' days are later ones).
    pub fn tomorrow() -> NaiveDate {
        chrono::Utc::now()
            .date_naive()
            .checked_add_days(Days::new(1))
            .unwrap()
    }

    /// The agenda of `child` from `from`, 42 days.
    pub async fn agenda(&self, token: &str, child: i64, from: NaiveDate) -> Value {
        let to = from.checked_add_days(Days::new(41)).unwrap();
        self.get_json(&format!("/api/agenda/{child}?from={from}&to={to}"), token)
            .await
    }

    /// The first `count` days (from `from`, within four months) on which the agenda says
    /// `unit` of `activity` is in `state` for the child.
    pub async fn days_in_state(
        &self,
        token: &str,
        child: i64,
        from: NaiveDate,
        (activity, unit): (&str, &str),
        state: &str,
        count: usize,
    ) -> Vec<NaiveDate> {
        let mut found = Vec::new();
        let mut from = from;
        for _ in 0..4 {
            let agenda = self.agenda(token, child, from).await;
            for day in agenda["days"].as_array().unwrap() {
                let here =
                    day["units"].as_array().unwrap().iter().any(|u| {
                        u["activity"] == activity && u["unit"] == unit && u["state"] == state
                    });
                if here && found.len() < count {
                    found.push(day["date"].as_str().unwrap().parse().unwrap());
                }
            }
            from = from.checked_add_days(Days::new(42)).unwrap();
        }
        assert_eq!(found.len(), count, "{state} days of {activity}/{unit}");
        found
    }
}
