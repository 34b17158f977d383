//! Migrations embedded in the binary, run at startup.

use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::Conn;

const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");
const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");

pub type MigrationError = Box<dyn std::error::Error + Send + Sync>;

/// Applies the pending migrations; returns how many ran.
pub fn run_pending(conn: &mut Conn) -> Result<usize, MigrationError> {
    let applied = match conn {
        Conn::Pg(c) => c.run_pending_migrations(POSTGRES)?.len(),
        Conn::Sqlite(c) => c.run_pending_migrations(SQLITE)?.len(),
    };
    Ok(applied)
}
