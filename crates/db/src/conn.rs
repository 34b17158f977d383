//! The connection over both backends, chosen from the database URL's scheme.

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};

#[derive(diesel::MultiConnection)]
pub enum Conn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    /// `postgres://`, `postgresql://`, `sqlite:` or a bare file path; `None` for any
    /// other scheme (`mysql://`, a typo), which must stop the start.
    pub fn from_url(url: &str) -> Option<Backend> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else if url.starts_with("sqlite:") || !url.contains("://") {
            Some(Backend::Sqlite)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Postgres => "postgres",
            Backend::Sqlite => "sqlite",
        }
    }
}

/// Runs the same expression on whichever backend the connection is: for the few queries
/// diesel cannot build on the multi-connection type (upserts, row locks).
#[macro_export]
macro_rules! each_backend {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::Conn::Pg($c) => $body,
            $crate::Conn::Sqlite($c) => $body,
        }
    };
}

/// SQLite settings for a web server: writers that wait instead of failing, concurrent
/// readers (WAL), and enforced foreign keys. The busy timeout comes first: switching to
/// WAL takes a lock, and a connection opened while another one writes must wait for it.
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
     PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

impl Conn {
    /// Opens a connection. We do not use the derived `establish`: it hides PostgreSQL's
    /// real error (a wrong password reads "Invalid connection url for multiconnection").
    pub fn open(url: &str) -> Result<Conn, ConnectionError> {
        match Backend::from_url(url).ok_or_else(|| unknown_scheme(url))? {
            Backend::Postgres => PgConnection::establish(url).map(Conn::Pg),
            Backend::Sqlite => {
                let path = sqlite_path(url);
                let mut conn = SqliteConnection::establish(path)?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(Conn::Sqlite(conn))
            }
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Conn::Pg(_) => Backend::Postgres,
            Conn::Sqlite(_) => Backend::Sqlite,
        }
    }
}

fn unknown_scheme(url: &str) -> ConnectionError {
    let scheme = url.split("://").next().unwrap_or_default();
    ConnectionError::InvalidConnectionUrl(format!(
        "unknown database scheme `{scheme}://`: use postgres:// or sqlite://"
    ))
}

/// `sqlite:///abs/path`, `sqlite://rel/path`, `sqlite:path` or a bare path.
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url)
}
