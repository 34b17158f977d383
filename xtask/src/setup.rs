//! Installs what the test suites need when the machine lacks it: Debian's Chromium and
//! chromedriver, axe-core from npm, a PostgreSQL server. Nothing is downloaded outside the
//! package registries.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::check;

fn found(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `apt-get install` as root, or `sudo` when available.
fn apt_install(packages: &[&str]) -> Result<()> {
    let sudo: &[&str] = if is_root() {
        &[]
    } else if found("sudo") {
        &["sudo"]
    } else {
        bail!(
            "missing packages {packages:?}: install them with `apt-get install {}` as root",
            packages.join(" ")
        );
    };
    println!("xtask: installing {packages:?} from Debian's packages");
    let run = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.to_vec();
        all.extend_from_slice(args);
        let mut command = Command::new(all[0]);
        command
            .args(&all[1..])
            .env("DEBIAN_FRONTEND", "noninteractive");
        check(&mut command)
    };
    run(&["apt-get", "update", "-q"])?;
    let mut install = vec!["apt-get", "install", "-y", "-q", "--no-install-recommends"];
    install.extend_from_slice(packages);
    run(&install)
}

/// A Python environment with the suite's tools (`tests/clients/requirements.txt`), in
/// `target/tools/python`; returns its interpreter.
pub fn python_tools(root: &Path) -> Result<std::path::PathBuf> {
    let venv = root.join("target").join("tools").join("python");
    let python = venv.join("bin").join("python");
    let requirements = root.join("tests").join("clients").join("requirements.txt");
    let stamp = venv.join("requirements.txt");
    let wanted =
        std::fs::read_to_string(&requirements).context("tests/clients/requirements.txt")?;
    if python.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        return Ok(python);
    }
    let system = if found("python3") {
        "python3"
    } else {
        "python"
    };
    if !python.exists() {
        println!(
            "xtask: creating the Python tools environment in {}",
            venv.display()
        );
        check(Command::new(system).args(["-m", "venv"]).arg(&venv))?;
    }
    println!("xtask: installing the Python test tools (pip)");
    check(
        Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(&requirements),
    )?;
    std::fs::write(&stamp, wanted)?;
    Ok(python)
}

/// Chromium, chromedriver and axe-core for the browser tests.
pub fn browser(root: &Path) -> Result<()> {
    if !found("chromium") || !found("chromedriver") {
        apt_install(&["chromium", "chromium-driver"])?;
    }
    let dir = root.join("tests").join("browser");
    if !dir.join("node_modules/axe-core/axe.min.js").exists() {
        if !found("npm") {
            apt_install(&["nodejs", "npm"])?;
        }
        println!("xtask: installing axe-core (npm ci)");
        check(
            Command::new("npm")
                .current_dir(&dir)
                .args(["ci", "--no-audit", "--no-fund"]),
        )?;
    }
    Ok(())
}

/// openapi-typescript, openapi-fetch and TypeScript for the generated-client journey.
pub fn typescript_tools(root: &Path) -> Result<()> {
    let dir = root.join("tests").join("clients").join("typescript");
    if !dir.join("node_modules/.bin/tsc").exists() {
        if !found("npm") {
            apt_install(&["nodejs", "npm"])?;
        }
        println!("xtask: installing the TypeScript client tools (npm ci)");
        check(
            Command::new("npm")
                .current_dir(&dir)
                .args(["ci", "--no-audit", "--no-fund"]),
        )?;
    }
    Ok(())
}

const DEFAULT_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

fn reachable(url: &str) -> bool {
    Command::new("psql")
        .args([url, "-Atc", "SELECT 1"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A PostgreSQL server on 127.0.0.1:5432: started, or installed, when missing. Returns
/// the URL of a database to create test databases from (`GUICHET_TEST_DATABASE_URL`
/// wins when set).
pub fn postgres() -> Result<String> {
    if let Some(url) = std::env::var("GUICHET_TEST_DATABASE_URL")
        .ok()
        .filter(|v| !v.is_empty())
    {
        return Ok(url);
    }
    if found("psql") && reachable(DEFAULT_URL) {
        return Ok(DEFAULT_URL.into());
    }
    if !found("pg_ctlcluster") {
        apt_install(&["postgresql"])?;
    }
    let versions =
        std::fs::read_dir("/etc/postgresql").context("no PostgreSQL cluster in /etc/postgresql")?;
    for version in versions.flatten() {
        let version = version.file_name().to_string_lossy().to_string();
        println!("xtask: starting PostgreSQL {version}");
        let _ = Command::new("pg_ctlcluster")
            .args(["--skip-systemctl-redirect", &version, "main", "start"])
            .status();
    }
    for _ in 0..30 {
        if reachable(DEFAULT_URL) {
            return Ok(DEFAULT_URL.into());
        }
        // A fresh Debian install asks for a password on TCP: give `postgres` one.
        let with_password = "postgres://postgres:postgres@127.0.0.1:5432/postgres";
        if reachable(with_password) {
            return Ok(with_password.into());
        }
        let _ = Command::new("su")
            .args([
                "postgres",
                "-c",
                "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"",
            ])
            .output();
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    bail!("PostgreSQL does not answer on 127.0.0.1:5432")
}
