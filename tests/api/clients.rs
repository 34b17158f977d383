//! QA's view: clients generated from the committed spec run the whole journey unchanged
//! (register -> activate -> login -> request -> agent accepts -> logout). Python with
//! openapi-python-client; TypeScript with openapi-typescript + openapi-fetch, checked by
//! `tsc --strict`. `cargo xtask test` installs both toolchains.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use tests::app::{tools_python, workspace_root};
use tests::{people, TestApp};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::Command;

fn clients_dir() -> PathBuf {
    workspace_root().join("tests").join("clients")
}

fn spec_path() -> PathBuf {
    workspace_root().join("openapi").join("openapi.json")
}

/// Runs a tool to completion; its output in the failure message.
async fn run(command: &mut Command, what: &str) -> String {
    let output = command
        .output()
        .await
        .unwrap_or_else(|e| panic!("{what}: {e} (`cargo xtask test` installs the client tools)"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{what} failed:\n{text}");
    text
}

/// Starts a portal with an agent, runs the journey `command`, answers what it asks for
/// (activation tokens from the mail) and waits for its `DONE`.
async fn journey(app: &TestApp, mut command: Command) {
    let agent = app
        .create_staff("agent@mairie.fr", "Anne", domain::auth::Role::Agent)
        .await;
    let mut child = command
        .env("GUICHET_URL", &app.address)
        .env("GUICHET_PASSWORD", people::PASSWORD)
        .env(
            "GUICHET_AGENT_LOGIN",
            agent["account"]["login"].as_str().unwrap(),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the journey starts");
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut done = false;
    while let Some(line) = lines.next_line().await.unwrap() {
        match line.split_whitespace().collect::<Vec<_>>().as_slice() {
            ["NEED", "activation", email] => {
                let token = app
                    .smtp
                    .wait_for(email, "activez votre compte")
                    .await
                    .token("/activation/");
                stdin
                    .write_all(format!("{token}\n").as_bytes())
                    .await
                    .unwrap();
                stdin.flush().await.unwrap();
            }
            ["DONE"] => done = true,
            _ => {}
        }
    }
    let output = child.wait_with_output().await.unwrap();
    assert!(
        output.status.success() && done,
        "the journey failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[tokio::test]
async fn a_generated_python_client_runs_the_whole_journey() {
    let out = tempfile::tempdir().unwrap();
    let package = out.path().join("guichet_client");
    let python = tools_python();
    let generated = run(
        Command::new(&python)
            .args([
                "-m",
                "openapi_python_client",
                "generate",
                "--meta",
                "none",
                "--path",
            ])
            .arg(spec_path())
            .arg("--output-path")
            .arg(&package)
            .arg("--config")
            .arg(clients_dir().join("python-client.yaml")),
        "openapi-python-client",
    )
    .await;
    assert!(!generated.contains("WARNING parsing"), "{generated}");

    let app = TestApp::spawn().await;
    let mut command = Command::new(&python);
    command
        .arg(clients_dir().join("python_journey.py"))
        .env("GUICHET_CLIENT_DIR", out.path());
    journey(&app, command).await;
}

fn node_tool(dir: &Path, tool: &str) -> Command {
    let mut command = Command::new(dir.join("node_modules").join(".bin").join(tool));
    command.current_dir(dir);
    command
}

#[tokio::test]
async fn a_generated_typescript_client_type_checks_strictly_and_runs_the_whole_journey() {
    let dir = clients_dir().join("typescript");
    run(
        node_tool(&dir, "openapi-typescript")
            .arg(spec_path())
            .args(["-o", "generated/schema.d.ts"]),
        "openapi-typescript",
    )
    .await;
    run(
        node_tool(&dir, "tsc").args(["-p", "tsconfig.json"]),
        "tsc --strict",
    )
    .await;

    let app = TestApp::spawn().await;
    let mut command = Command::new("node");
    command.current_dir(&dir).arg("generated/out/journey.js");
    journey(&app, command).await;
}
