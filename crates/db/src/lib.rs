//! Guichet persistence: one schema, one query path over PostgreSQL and SQLite.
//!
//! Query functions take `&mut Conn` so that a service composes them in one transaction;
//! [`run`] is the one place that moves diesel work off the async runtime.

pub mod accounts;
pub mod addresses;
pub mod captcha;
pub mod catalogue;
pub mod conn;
pub mod contacts;
pub mod households;
pub mod migrate;
pub mod outbox;
pub mod persons;
pub mod pool;
pub mod requests;
pub mod schema;
pub mod sessions;
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

/// Runs `work` in a write transaction. On SQLite the transaction is `IMMEDIATE`, so two
/// writers queue on the busy timeout instead of failing when the second one upgrades.
pub fn transaction<T, E, F>(conn: &mut Conn, work: F) -> Result<T, E>
where
    F: FnOnce(&mut Conn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn.backend() {
        Backend::Sqlite => {
            // `immediate_transaction` lives on SqliteConnection; we reproduce it on the
            // multi-connection type with the same statements diesel uses.
            diesel::connection::SimpleConnection::batch_execute(conn, "BEGIN IMMEDIATE")?;
            // A panic must not leave the transaction open on a pooled connection.
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&mut *conn)));
            match outcome {
                Ok(Ok(value)) => {
                    match diesel::connection::SimpleConnection::batch_execute(conn, "COMMIT") {
                        Ok(()) => Ok(value),
                        Err(e) => {
                            let _ = diesel::connection::SimpleConnection::batch_execute(
                                conn, "ROLLBACK",
                            );
                            Err(e.into())
                        }
                    }
                }
                Ok(Err(e)) => {
                    let _ = diesel::connection::SimpleConnection::batch_execute(conn, "ROLLBACK");
                    Err(e)
                }
                Err(panic) => {
                    let _ = diesel::connection::SimpleConnection::batch_execute(conn, "ROLLBACK");
                    std::panic::resume_unwind(panic)
                }
            }
        }
        Backend::Postgres => conn.transaction(work),
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
}
