//! `TestApp`: a running portal on its own database, with its own SMTP receiver.

use std::path::PathBuf;
use std::sync::Once;

use api::config::{CaptchaMode, MailTransportKind, Settings};
use api::state::AppState;
use api::Application;
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::database::TestDb;
use crate::people;
use crate::smtp::SmtpReceiver;

pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub address: String,
    pub client: reqwest::Client,
    pub smtp: SmtpReceiver,
    pub state: AppState,
    // Dropped last: the database, then its folder.
    _db: TestDb,
    _dir: TempDir,
}

/// Server logs in tests: warnings only, unless `RUST_LOG` says otherwise.
fn init_logs() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        if std::env::var_os("RUST_LOG").is_none() {
            std::env::set_var("RUST_LOG", "warn,tracing_actix_web=error");
        }
        api::telemetry::init(api::config::LogFormat::Text);
    });
}

/// The workspace root (for the built SPA).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The Python of the suite's tools (`cargo xtask test` installs it).
pub fn tools_python() -> PathBuf {
    std::env::var_os("GUICHET_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/tools/python/bin/python"))
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    /// Starts a portal for one of the commune presets (`hesdigneul`, `isques`...).
    pub async fn spawn_for_commune(preset: &str) -> TestApp {
        TestApp::spawn_with(|s| {
            s.commune = api::config::CommuneSettings {
                preset: Some(preset.into()),
                ..Default::default()
            };
            s.commune.resolve().expect("known preset");
        })
        .await
    }

    /// Starts a portal; `adjust` may change the settings first.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
        init_logs();
        let dir = tempfile::tempdir().expect("temp dir");
        let db = TestDb::create(&dir);
        let smtp = SmtpReceiver::start().await;
        let mut settings = Settings::load_from(&[]).expect("default settings");
        // The server binds a free port itself and puts it in its mail links.
        settings.addr = "127.0.0.1:0".into();
        settings.data_dir = dir.path().join("data");
        settings.database_url = Some(api::config::Secret::new(db.url()));
        settings.spa_dir = workspace_root().join("frontend").join("dist");
        settings.captcha = CaptchaMode::Enabled;
        settings.captcha_pow_max_number = 5_000;
        settings.mail.transport = MailTransportKind::Smtp;
        settings.mail.smtp_host = "127.0.0.1".into();
        settings.mail.smtp_port = smtp.port;
        // No mail test may pass by the sender's own polling: each mail must leave
        // because the commit that queued it woke the sender.
        settings.mail.poll_seconds = 3600;
        // One client (this test) makes every call: the per-client limits have their own
        // tests, with low limits set there.
        settings.anonymous_rate_per_minute = 100_000;
        settings.anonymous_mail_per_hour = 100_000;
        adjust(&mut settings);
        let app = Application::build(settings).await.expect("portal starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let state = app.state().clone();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            address,
            client: reqwest::Client::new(),
            smtp,
            state,
            _db: db,
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_auth(&self, path: &str, token: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("GET")
    }

    /// GET with a token, answering the JSON body (the status is the caller's to check
    /// where it matters).
    pub async fn get_json(&self, path: &str, token: &str) -> Value {
        self.get_auth(path, token)
            .await
            .json()
            .await
            .expect("JSON body")
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("POST")
    }

    pub async fn post_auth(&self, path: &str, token: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("POST")
    }

    pub async fn put_auth(&self, path: &str, token: &str, body: &Value) -> Response {
        self.client
            .put(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("PUT")
    }

    pub async fn delete_auth(&self, path: &str, token: &str) -> Response {
        self.client
            .delete(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("DELETE")
    }

    /// Solves a proof-of-work captcha the way the SPA does.
    pub async fn solve_captcha(&self) -> Value {
        let challenge: Value = self
            .post("/api/captchas/pow", &json!({}))
            .await
            .json()
            .await
            .expect("captcha");
        let salt = challenge["salt"].as_str().expect("salt");
        let digest = challenge["challenge"].as_str().expect("challenge");
        let max = challenge["max_number"].as_u64().expect("max");
        let n = domain::pow::solve_range(salt, digest, 0, max).expect("solvable");
        json!({"id": challenge["id"], "answer": n.to_string()})
    }

    /// Sends a valid registration with a solved captcha.
    pub async fn register(&self, email: &str, first_name: &str, birth_name: &str) -> Response {
        let mut body = people::registration(email, first_name, birth_name);
        body["captcha"] = self.solve_captcha().await;
        self.post("/api/registrations", &body).await
    }

    /// Registers and returns the token of the activation link received by mail.
    pub async fn activation_token(
        &self,
        email: &str,
        first_name: &str,
        birth_name: &str,
    ) -> String {
        let nth = self
            .smtp
            .for_address(email)
            .iter()
            .filter(|m| m.subject.contains("activez"))
            .count();
        let response = self.register(email, first_name, birth_name).await;
        assert_eq!(
            response.status(),
            StatusCode::ACCEPTED,
            "{}",
            response.text().await.unwrap_or_default()
        );
        self.smtp
            .wait_for_nth(email, "activez votre compte", nth)
            .await
            .token("/activation/")
    }

    /// A registered and activated account; returns the session JSON.
    pub async fn create_account(&self, email: &str, login: &str, password: &str) -> Value {
        let token = self.activation_token(email, "Pascal", "Dupin").await;
        let response = self
            .post(
                &format!("/api/activations/{token}"),
                &json!({"login": login, "password": password, "password_confirmation": password}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "activation");
        response.json().await.expect("session")
    }

    /// A town-hall staff account (agent or admin) created as `guichet create-admin` does,
    /// with its password set through the e-mailed link; returns the session JSON.
    pub async fn create_staff(
        &self,
        email: &str,
        first_name: &str,
        role: domain::auth::Role,
    ) -> Value {
        let new = domain::staff::NewStaff {
            civility: domain::civility::Civility::Madame,
            first_name: first_name.into(),
            birth_name: "Agent".into(),
            email: email.into(),
            role,
        };
        let settings = self.state.settings.clone();
        let (created, _) = self
            .state
            .run(move |conn| api::areas::agent::staff::create(conn, &settings, &new))
            .await
            .expect("staff created");
        let token = self
            .smtp
            .wait_for(email, "votre compte agent")
            .await
            .token("/reinitialisation/");
        let body = json!({"password": people::PASSWORD, "password_confirmation": people::PASSWORD});
        let reset = self
            .post(&format!("/api/password-resets/{token}"), &body)
            .await;
        assert_eq!(reset.status(), StatusCode::NO_CONTENT);
        let session = self.login(&created.login, people::PASSWORD).await;
        assert_eq!(session.status(), StatusCode::OK);
        session.json().await.expect("session")
    }

    /// [`create_staff`](Self::create_staff) for an agent an admin allowed to read health
    /// information (the DT Polio pages, the PAI): the documents' reviewers.
    pub async fn create_health_staff(&self, email: &str, first_name: &str) -> Value {
        let session = self
            .create_staff(email, first_name, domain::auth::Role::Agent)
            .await;
        let account = domain::ids::AccountId(session["account"]["id"].as_i64().unwrap());
        let pool = self.state.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().unwrap();
            let permission = domain::staff::StaffPermission::Health;
            db::staff_permissions::grant(&mut conn, account, permission, account, db::now())
                .unwrap();
        })
        .await
        .unwrap();
        session
    }

    pub async fn login(&self, login: &str, password: &str) -> Response {
        self.post(
            "/api/auth/login",
            &json!({"login": login, "password": password}),
        )
        .await
    }
}

/// The problem body of an error response, checking its content type.
pub async fn problem(response: Response) -> Value {
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert_eq!(content_type, "application/problem+json");
    response.json().await.expect("problem body")
}

/// `(field, code)` pairs of a problem's `errors`.
pub fn field_codes(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_string(),
                        e["code"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}
