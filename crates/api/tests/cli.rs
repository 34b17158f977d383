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

/// One HTTP/1.1 exchange on a fresh connection; the status code.
fn http(port: u16, method: &str, path: &str, body: &str) -> u16 {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
#[cfg(unix)]
fn the_server_keeps_its_files_private_and_client_errors_out_of_the_warnings() {
    let root = std::env::temp_dir().join(format!("guichet-files-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let data = root.join("data");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let guichet = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_guichet"));
        command
            .current_dir(&root)
            .env("GUICHET_DATA_DIR", &data)
            .env("GUICHET_ADDR", format!("127.0.0.1:{port}"))
            .env("GUICHET_MAIL_TRANSPORT", "file")
            .env("RUST_LOG", "info")
            .env_remove("DATABASE_URL")
            .env_remove("GUICHET_CONFIG");
        command
    };
    std::fs::create_dir_all(&root).unwrap();
    let created = guichet()
        .args([
            "create-admin",
            "--email",
            "maire@mairie.fr",
            "--first-name",
            "Martine",
            "--birth-name",
            "Maire",
        ])
        .output()
        .unwrap();
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );

    let log = root.join("server.log");
    let mut server = guichet()
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(root.join("server.err")).unwrap())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(std::time::Instant::now() < deadline, "server did not start");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    for _ in 0..3 {
        let body = r#"{"login": "personne", "password": "Mauvais123"}"#;
        assert_eq!(http(port, "POST", "/api/auth/login", body), 401);
        assert_eq!(
            http(
                port,
                "POST",
                "/api/password-resets/bogus",
                r#"{"password": "Abcdef12345", "password_confirmation": "Abcdef12345"}"#
            ),
            404
        );
        assert_eq!(http(port, "POST", "/api/auth/login", "[1]"), 422);
    }
    // The administrator's mail is delivered as a file by the running server.
    let mail_dir = data.join("mail");
    let mut mails = Vec::new();
    while mails.is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
        mails = std::fs::read_dir(&mail_dir)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        // A mail being written has a hidden `.part` name until whole.
        mails.retain(|p: &std::path::PathBuf| {
            !p.file_name().unwrap().to_string_lossy().starts_with('.')
        });
    }
    let _ = server.kill();
    let _ = server.wait();

    assert_eq!(mode(&data), 0o700, "data directory");
    for name in ["guichet.sqlite3", "jwt-secret"] {
        assert_eq!(mode(&data.join(name)), 0o600, "{name}");
    }
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
    assert!(!mails.is_empty(), "the mail was written");
    for mail in &mails {
        assert_eq!(mode(mail), 0o600, "{}", mail.display());
    }
    assert_eq!(mode(&mail_dir), 0o700, "mail directory");

    let output = std::fs::read_to_string(&log).unwrap()
        + &std::fs::read_to_string(root.join("server.err")).unwrap();
    assert!(output.contains("Guichet is running"), "{output}");
    let warnings: Vec<&str> = output
        .lines()
        .filter(|l| l.contains("WARN") || l.contains("ERROR"))
        .collect();
    assert!(
        warnings.is_empty(),
        "client errors logged as warnings: {warnings:?}"
    );
    let _ = std::fs::remove_dir_all(&root);
}
