//! One database per test.

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use rand::Rng;
use tempfile::TempDir;

/// Base URL of a PostgreSQL server to create test databases on; SQLite when unset.
pub const POSTGRES_VAR: &str = "GUICHET_TEST_DATABASE_URL";

pub enum TestDb {
    Sqlite {
        url: String,
    },
    Postgres {
        url: String,
        admin_url: String,
        name: String,
    },
}

impl TestDb {
    pub fn create(dir: &TempDir) -> TestDb {
        match std::env::var(POSTGRES_VAR).ok().filter(|v| !v.is_empty()) {
            None => TestDb::Sqlite {
                url: format!("sqlite://{}", dir.path().join("test.sqlite3").display()),
            },
            Some(admin_url) => {
                let name = format!("guichet_test_{:016x}", rand::thread_rng().gen::<u64>());
                let mut admin = PgConnection::establish(&admin_url)
                    .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create test database");
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(b, _)| b)
                    .unwrap_or(&admin_url);
                TestDb::Postgres {
                    url: format!("{base}/{name}"),
                    admin_url,
                    name,
                }
            }
        }
    }

    pub fn url(&self) -> &str {
        match self {
            TestDb::Sqlite { url } | TestDb::Postgres { url, .. } => url,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres {
            admin_url, name, ..
        } = self
        {
            if let Ok(mut admin) = PgConnection::establish(admin_url) {
                let _ =
                    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}
