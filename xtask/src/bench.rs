//! `cargo xtask bench-agenda [--postgres]`: the Agenda's benchmark (docs/PERFORMANCE.md).
//! Installs the `oha` load generator under `target/tools` when missing, then runs the
//! benchmark in release on SQLite, or on PostgreSQL with `--postgres`.

use std::path::Path;

use anyhow::Result;

use crate::{cargo, check, setup};

/// The load generator's version the figures were measured with.
const OHA: &str = "1.16.0";

pub fn agenda(root: &Path, postgres: bool) -> Result<()> {
    let tools = root.join("target").join("tools");
    let oha = tools.join("bin").join("oha");
    if !oha.exists() {
        println!(
            "xtask: installing oha {OHA} (the load generator) in {}",
            tools.display()
        );
        check(
            cargo()
                .args(["install", "oha", "--locked", "--version", OHA, "--root"])
                .arg(&tools),
        )?;
    }
    let mut command = cargo();
    command
        .current_dir(root)
        .args([
            "run",
            "--release",
            "--package",
            "tests",
            "--bin",
            "agenda_bench",
        ])
        .env("OHA", &oha);
    if postgres {
        command.env("GUICHET_TEST_DATABASE_URL", setup::postgres()?);
    } else {
        command.env_remove("GUICHET_TEST_DATABASE_URL");
    }
    check(&mut command)
}
