//! Builds the citizen SPA into `frontend/dist`: the wasm32 build in the size profile,
//! the wasm-bindgen step through its library (pinned to the frontend's exact version, so
//! no CLI has to be installed), then the page and its static files.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";

pub fn build(root: &Path) -> Result<PathBuf> {
    ensure_target()?;

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(&cargo)
        .current_dir(root)
        .args([
            "build",
            "-p",
            "frontend",
            "--target",
            TARGET,
            "--profile",
            PROFILE,
        ])
        .status()
        .with_context(|| format!("could not run {cargo}"))?;
    if !status.success() {
        bail!("the frontend build failed");
    }

    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let wasm = target_dir.join(TARGET).join(PROFILE).join("frontend.wasm");
    let dist = root.join("frontend").join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .with_context(|| format!("cannot empty {}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist)?;

    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .omit_default_module_path(false)
        .remove_name_section(true)
        .out_name("guichet")
        .generate(&dist)
        .context("wasm-bindgen failed")?;

    let frontend = root.join("frontend");
    copy(&frontend.join("index.html"), &dist.join("index.html"))?;
    for entry in std::fs::read_dir(frontend.join("static")).context("frontend/static")? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            copy(&entry.path(), &dist.join(entry.file_name()))?;
        }
    }

    let size = std::fs::metadata(dist.join("guichet_bg.wasm"))?.len();
    println!(
        "SPA built in {}: guichet_bg.wasm is {} KB",
        dist.display(),
        size / 1024
    );
    Ok(dist)
}

/// `RUSTUP_AUTO_INSTALL=0` on our machines: a missing target is not fetched by itself.
pub fn ensure_target() -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("could not run rustup")?;
    let listed = String::from_utf8_lossy(&installed.stdout);
    if listed.lines().any(|line| line.trim() == TARGET) {
        return Ok(());
    }
    let status = Command::new("rustup")
        .args(["target", "add", TARGET])
        .status()?;
    if !status.success() {
        bail!("rustup target add {TARGET} failed");
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    std::fs::copy(from, to)
        .map(|_| ())
        .with_context(|| format!("cannot copy {} to {}", from.display(), to.display()))
}
