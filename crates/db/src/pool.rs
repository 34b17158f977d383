//! r2d2 pool over [`Conn`].

use std::time::Duration;

use crate::conn::{Backend, Conn};

pub type DbPool = r2d2::Pool<Manager>;
pub type PoolError = r2d2::Error;

pub struct Manager {
    url: String,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Conn;
    type Error = diesel::ConnectionError;

    fn connect(&self) -> Result<Conn, Self::Error> {
        Conn::open(&self.url)
    }

    fn is_valid(&self, conn: &mut Conn) -> Result<(), Self::Error> {
        diesel::connection::SimpleConnection::batch_execute(conn, "SELECT 1")
            .map_err(diesel::ConnectionError::CouldntSetupConfiguration)
    }

    /// A connection whose transaction was left open (a panic inside it) is not reused.
    fn has_broken(&self, conn: &mut Conn) -> bool {
        use diesel::connection::{Connection, TransactionManager};
        match conn {
            Conn::Pg(c) => {
                <diesel::PgConnection as Connection>::TransactionManager::is_broken_transaction_manager(c)
            }
            Conn::Sqlite(c) => {
                <diesel::SqliteConnection as Connection>::TransactionManager::is_broken_transaction_manager(c)
            }
        }
    }
}

/// Builds the pool and opens one connection, so that a wrong URL or password is reported
/// at startup with the database's own message.
pub fn build(url: &str) -> Result<DbPool, diesel::ConnectionError> {
    // Fail fast with the real error rather than r2d2's timeout.
    drop(Conn::open(url)?);
    let size = match Backend::from_url(url) {
        Some(Backend::Postgres) => 10,
        _ => 8,
    };
    Ok(r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(5))
        .build_unchecked(Manager {
            url: url.to_string(),
        }))
}
