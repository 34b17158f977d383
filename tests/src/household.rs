//! People put straight into households, for tests about what a household holds (until a
//! test needs the whole "Fiche enfant" journey).

use diesel::ExpressionMethods;
use domain::ids::{AccountId, PersonId};
use domain::profile::{MemberRole, RelationRole};

use crate::app::TestApp;

impl TestApp {
    /// The id of the household whose holder has this account.
    pub async fn household_of(&self, account: i64) -> i64 {
        let pool = self.state.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            let holder = db::accounts::find(&mut conn, AccountId(account))
                .unwrap()
                .unwrap()
                .person_id;
            db::households::of_holder(&mut conn, holder)
                .unwrap()
                .unwrap()
                .get()
        })
        .await
        .unwrap()
    }

    /// Adds a child born on 1 January 2016 to the households of these accounts, each
    /// holder its legal guardian, with a school enrolment when `schooled`.
    pub async fn add_child(
        &self,
        accounts: &[i64],
        first_name: &str,
        birth_name: &str,
        schooled: bool,
    ) -> i64 {
        let pool = self.state.pool.clone();
        let accounts = accounts.to_vec();
        let (first_name, birth_name) = (first_name.to_string(), birth_name.to_string());
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            let now = db::now();
            let child = db::accounts::insert_person(
                &mut conn,
                &db::accounts::NewPerson {
                    civility: domain::civility::Civility::Monsieur,
                    birth_name,
                    first_name,
                    second_first_name: None,
                    third_first_name: None,
                    birth_date: chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
                    birth_country: "France".into(),
                    birth_city: "Boulogne-sur-Mer".into(),
                    birth_department: Some("62".into()),
                    sex: Some(domain::civility::Sex::Male),
                    updated_at: now,
                },
                now,
            )
            .unwrap();
            for account in accounts {
                let holder = db::accounts::find(&mut conn, AccountId(account))
                    .unwrap()
                    .unwrap()
                    .person_id;
                let household = db::households::of_holder(&mut conn, holder)
                    .unwrap()
                    .unwrap();
                db::households::add_member(&mut conn, household, child, MemberRole::Child, now)
                    .unwrap();
                db::households::add_relation(
                    &mut conn,
                    household,
                    holder,
                    child,
                    RelationRole::LegalGuardian,
                    now,
                )
                .unwrap();
            }
            if schooled {
                diesel::RunQueryDsl::execute(
                    diesel::insert_into(db::schema::school_enrolments::table).values((
                        db::schema::school_enrolments::person_id.eq(child),
                        db::schema::school_enrolments::school_year.eq("2026-2027"),
                        db::schema::school_enrolments::establishment.eq("École Jules Ferry"),
                        db::schema::school_enrolments::level.eq("CE2"),
                        db::schema::school_enrolments::created_at.eq(now),
                    )),
                    &mut conn,
                )
                .unwrap();
            }
            child
        })
        .await
        .map(PersonId::get)
        .unwrap()
    }
}
