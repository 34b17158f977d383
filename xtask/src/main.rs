//! Project tasks, run as `cargo xtask <task>`:
//!
//! - `run`: builds the SPA and starts the portal on http://127.0.0.1:8080 (SQLite in
//!   `./data`, demo commune, mail as `.eml` files in `./data/mail`).
//! - `test [--postgres]`: builds the SPA, installs what the browser tests need when it is
//!   missing (wasm32 target, Chromium, chromedriver, axe-core), and runs every test, on
//!   SQLite or on PostgreSQL (a fresh database per test on 127.0.0.1:5432).
//! - `openapi`: regenerates `openapi/openapi.json` from the code.
//! - `lint`: rustfmt and clippy, as CI runs them.

mod bench;
mod setup;
mod spa;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root();
    match args.first().map(String::as_str) {
        Some("run") => run(&root),
        Some("test") => test(&root, args.iter().any(|a| a == "--postgres")),
        Some("openapi") => openapi(&root),
        Some("bench-agenda") => bench::agenda(&root, args.iter().any(|a| a == "--postgres")),
        Some("lint") => lint(&root),
        Some("build-spa") => spa::build(&root).map(|_| ()),
        Some("setup") => setup::browser(&root)
            .and(setup::typescript_tools(&root))
            .and(setup::python_tools(&root).map(|_| ())),
        _ => {
            eprintln!(
                "usage: cargo xtask <run | test [--postgres] | openapi | lint | build-spa | setup | bench-agenda [--postgres]>"
            );
            std::process::exit(2);
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

pub fn check(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("cannot start {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed ({status})");
    }
    Ok(())
}

fn run(root: &Path) -> Result<()> {
    spa::build(root)?;
    check(
        cargo()
            .current_dir(root)
            .args(["run", "--package", "api", "--bin", "guichet"]),
    )
}

fn test(root: &Path, postgres: bool) -> Result<()> {
    spa::build(root)?;
    setup::browser(root)?;
    setup::typescript_tools(root)?;
    let python = setup::python_tools(root)?;
    let mut command = cargo();
    command
        .current_dir(root)
        .arg("test")
        .env("GUICHET_TEST_PYTHON", python);
    if postgres {
        let url = setup::postgres()?;
        println!("xtask: running the suite on PostgreSQL ({url})");
        command.env("GUICHET_TEST_DATABASE_URL", url);
    } else {
        command.env_remove("GUICHET_TEST_DATABASE_URL");
    }
    check(&mut command)
}

fn openapi(root: &Path) -> Result<()> {
    let output = cargo()
        .current_dir(root)
        .args([
            "run",
            "--quiet",
            "--package",
            "api",
            "--bin",
            "guichet",
            "--",
            "openapi",
        ])
        .output()
        .context("cannot run the server binary")?;
    if !output.status.success() {
        bail!("{}", String::from_utf8_lossy(&output.stderr));
    }
    let path = root.join("openapi").join("openapi.json");
    std::fs::write(&path, &output.stdout)?;
    println!("xtask: wrote {}", path.display());
    Ok(())
}

fn lint(root: &Path) -> Result<()> {
    check(cargo().current_dir(root).args(["fmt", "--all", "--check"]))?;
    check(
        cargo()
            .current_dir(root)
            .args(["clippy", "--all-targets", "--", "-D", "warnings"]),
    )?;
    spa::ensure_target()?;
    check(cargo().current_dir(root).args([
        "clippy",
        "--package",
        "frontend",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))
}
