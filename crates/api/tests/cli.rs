//! The `guichet` binary's own commands answer and exit without starting a server.

use std::process::Command;

fn guichet_in(dir: &std::path::Path, arg: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg(arg)
        .current_dir(dir)
        .env_remove("GUICHET_DATA_DIR")
        .output()
        .expect("guichet runs")
}

#[test]
fn help_and_version_print_and_exit_without_creating_a_data_folder() {
    let dir = std::env::temp_dir().join(format!("guichet-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let help = guichet_in(&dir, "--help");
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("create-admin") && text.contains("openapi"),
        "{text}"
    );

    let version = guichet_in(&dir, "--version");
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("guichet {}", env!("CARGO_PKG_VERSION"))
    );

    let unknown = guichet_in(&dir, "--bogus");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--bogus"));

    assert!(!dir.join("data").exists(), "no data folder where they ran");
    let _ = std::fs::remove_dir_all(&dir);
}
