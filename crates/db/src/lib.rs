//! Guichet persistence: one schema, one query path over PostgreSQL and SQLite.
//!
//! Query functions take `&mut Conn` so that a service composes them in one transaction;
//! [`run`] is the one place that moves diesel work off the async runtime.

pub mod accounts;
pub mod addresses;
pub mod attachments;
pub mod attendances;
pub mod bookings;
pub mod calendar_feeds;
pub mod captcha;
pub mod catalogue;
pub mod child_records;
pub mod conn;
pub mod contacts;
pub mod documents;
pub mod enrolments;
pub mod health;
pub mod households;
pub mod messages;
pub mod migrate;
pub mod outbox;
pub mod persons;
pub mod pool;
pub mod requests;
pub mod rosters;
pub mod schema;
pub mod schema_agenda;
pub mod sessions;
pub mod staff_permissions;
pub mod throttle;
pub mod tokens;

pub use conn::{Backend, Conn};
pub use pool::{DbPool, PoolError};

use diesel::Connection;

/// Errors of a unit of database work.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database pool: {0}")]
    Pool(#[from] PoolError),
    #[error("database task failed: {0}")]
    Task(String),
}

/// Runs blocking diesel work on a pooled connection, off the async runtime.
pub async fn run<T, E, F>(pool: &DbPool, work: F) -> Result<T, E>
where
    F: FnOnce(&mut Conn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
{
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().map_err(|e| E::from(DbError::Pool(e)))?;
        work(&mut conn)
    })
    .await
    .map_err(|e| E::from(DbError::Task(e.to_string())))?
}

/// Runs `work` in a write transaction. On SQLite the outermost transaction is
/// `IMMEDIATE`, so two writers queue on the busy timeout instead of failing when the
/// second one upgrades. Nested calls become savepoints on both backends: an inner failure
/// undoes the inner work only, and the outer transaction decides.
pub fn transaction<T, E, F>(conn: &mut Conn, work: F) -> Result<T, E>
where
    F: FnOnce(&mut Conn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let outermost_sqlite = match conn {
        Conn::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c)
            .transaction_depth()?
            .is_none(),
        Conn::Pg(_) => false,
    };
    if !outermost_sqlite {
        return conn.transaction(work);
    }
    // `immediate_transaction` lives on SqliteConnection and takes a closure over it; we
    // open the same transaction on the inner connection so that diesel counts its depth,
    // and run the work over the multi-connection.
    if let Some(c) = sqlite(conn) {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    // A panic must not leave the transaction open on a pooled connection.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&mut *conn)));
    let Some(c) = sqlite(conn) else {
        unreachable!("the backend does not change")
    };
    match outcome {
        Ok(Ok(value)) => match AnsiTransactionManager::commit_transaction(c) {
            Ok(()) => Ok(value),
            Err(e) => {
                let _ = AnsiTransactionManager::rollback_transaction(c);
                Err(e.into())
            }
        },
        Ok(Err(e)) => {
            let _ = AnsiTransactionManager::rollback_transaction(c);
            Err(e)
        }
        Err(panic) => {
            let _ = AnsiTransactionManager::rollback_transaction(c);
            std::panic::resume_unwind(panic)
        }
    }
}

fn sqlite(conn: &mut Conn) -> Option<&mut diesel::SqliteConnection> {
    match conn {
        Conn::Sqlite(c) => Some(c),
        Conn::Pg(_) => None,
    }
}

/// Whether the database answers (health check).
pub fn ping(conn: &mut Conn) -> diesel::QueryResult<()> {
    diesel::connection::SimpleConnection::batch_execute(conn, "SELECT 1")
}

/// Current instant as stored: UTC without offset (both backends store `timestamp`).
pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

#[cfg(test)]
mod tests {
    use diesel::connection::SimpleConnection;

    #[test]
    fn a_panic_inside_a_sqlite_transaction_rolls_it_back() {
        let path = std::env::temp_dir().join(format!("guichet-db-{}.sqlite3", std::process::id()));
        let url = format!("sqlite://{}", path.display());
        let pool = crate::pool::build(&url).unwrap();
        {
            let mut conn = pool.get().unwrap();
            conn.batch_execute("CREATE TABLE t (x INTEGER)").unwrap();
            let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = crate::transaction(&mut conn, |c| -> Result<(), diesel::result::Error> {
                    c.batch_execute("INSERT INTO t VALUES (1)").unwrap();
                    panic!("bug inside a transaction");
                });
            }));
            assert!(panicked.is_err());
        }
        // Every pooled connection can still write: no transaction was left open.
        let mut conn = pool.get().unwrap();
        crate::transaction(&mut conn, |c| c.batch_execute("INSERT INTO t VALUES (2)")).unwrap();
        let _ = std::fs::remove_file(&path);
    }

    /// The test database: PostgreSQL when `GUICHET_TEST_DATABASE_URL` names a server (a
    /// fresh database is created), else a SQLite file.
    fn test_pool(name: &str) -> (crate::DbPool, Option<(String, String)>) {
        use diesel::Connection;
        match std::env::var("GUICHET_TEST_DATABASE_URL")
            .ok()
            .filter(|v| !v.is_empty())
        {
            Some(admin_url) => {
                let db = format!("guichet_db_{name}_{}", std::process::id());
                let mut admin = diesel::PgConnection::establish(&admin_url).unwrap();
                admin
                    .batch_execute(&format!("DROP DATABASE IF EXISTS {db}"))
                    .unwrap();
                admin
                    .batch_execute(&format!("CREATE DATABASE {db}"))
                    .unwrap();
                let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
                (
                    crate::pool::build(&format!("{base}/{db}")).unwrap(),
                    Some((admin_url, db)),
                )
            }
            None => {
                let path = std::env::temp_dir()
                    .join(format!("guichet-db-{name}-{}.sqlite3", std::process::id()));
                let _ = std::fs::remove_file(&path);
                (
                    crate::pool::build(&format!("sqlite://{}", path.display())).unwrap(),
                    None,
                )
            }
        }
    }

    #[test]
    fn nested_transactions_are_savepoints_on_both_backends() {
        let (pool, postgres) = test_pool("nested");
        {
            let mut conn = pool.get().unwrap();
            conn.batch_execute("CREATE TABLE t (x INTEGER)").unwrap();
            let outer = crate::transaction(&mut conn, |c| -> diesel::QueryResult<()> {
                c.batch_execute("INSERT INTO t VALUES (1)")?;
                let inner = crate::transaction(c, |c| -> diesel::QueryResult<()> {
                    c.batch_execute("INSERT INTO t VALUES (2)")?;
                    Err(diesel::result::Error::RollbackTransaction)
                });
                assert!(inner.is_err());
                crate::transaction(c, |c| c.batch_execute("INSERT INTO t VALUES (3)"))
            });
            outer.unwrap();
            use diesel::prelude::*;
            #[derive(QueryableByName)]
            struct Row {
                #[diesel(sql_type = diesel::sql_types::Integer)]
                x: i32,
            }
            let rows: Vec<Row> = diesel::sql_query("SELECT x FROM t ORDER BY x")
                .load(&mut *conn)
                .unwrap();
            assert_eq!(rows.iter().map(|r| r.x).collect::<Vec<_>>(), [1, 3]);
        }
        drop(pool);
        if let Some((admin_url, db)) = postgres {
            use diesel::Connection;
            let mut admin = diesel::PgConnection::establish(&admin_url).unwrap();
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
        }
    }
}
