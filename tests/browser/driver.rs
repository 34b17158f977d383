//! Chromium over WebDriver: one chromedriver and one browser profile per test.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tempfile::TempDir;

pub struct Browser {
    pub client: Client,
    base: String,
    driver: Child,
    _profile: TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

impl Browser {
    pub async fn open(base: &str) -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver not found: run the tests with `cargo xtask test`");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut client = None;
        for _ in 0..100 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        Browser {
            client: client.expect("chromedriver answers"),
            base: base.to_string(),
            driver,
            _profile: profile,
        }
    }

    /// "Me connecter" with the test password; waits for the greeting.
    pub async fn log_in(&self, login: &str) {
        self.goto("/connexion").await;
        self.fill("#login", login).await;
        self.fill("#password", tests::people::PASSWORD).await;
        self.click("#login-submit").await;
        self.wait_text("header", "Bonjour").await;
    }

    pub async fn goto(&self, path: &str) {
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        };
        self.client.goto(&url).await.expect("navigate");
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Renders the page as printed (`print`: the print stylesheet applies) or back on
    /// screen (`""`), through chromedriver's door to the DevTools protocol.
    pub async fn media(&self, media: &str) {
        self.client
            .issue_cmd(Cdp {
                cmd: "Emulation.setEmulatedMedia",
                params: serde_json::json!({"media": media}),
            })
            .await
            .expect("print media");
    }

    /// Whether the element is shown (not `display: none`).
    pub async fn displayed(&self, css: &str) -> bool {
        self.find(css)
            .await
            .is_displayed()
            .await
            .expect("displayed")
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        element.clear().await.expect("clear");
        element
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Types into whatever has the focus, as a keyboard would (`"\u{e007}"` is Entrée,
    /// `"\u{e004}"` Tab, `"\u{e00c}"` Échap, `" "` the space bar).
    pub async fn keys(&self, text: &str) {
        self.client
            .active_element()
            .await
            .expect("a focused element")
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type {text:?}: {e}"));
    }

    /// Waits until the element of this id has the focus.
    pub async fn wait_focus(&self, id: &str) {
        let mut last = Value::Null;
        for _ in 0..100 {
            last = self
                .client
                .execute(
                    "return document.activeElement && document.activeElement.id;",
                    vec![],
                )
                .await
                .expect("read the focus");
            if last == json!(id) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the focus never reached #{id}; it is on {last}");
    }

    pub async fn value(&self, css: &str) -> String {
        self.find(css)
            .await
            .prop("value")
            .await
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Puts the keyboard focus on the element, as Tab would have.
    pub async fn focus(&self, css: &str) {
        let element = self.find(css).await;
        self.client
            .execute(
                "arguments[0].focus();",
                vec![serde_json::to_value(element).expect("an element")],
            )
            .await
            .unwrap_or_else(|e| panic!("focus {css}: {e}"));
    }

    /// Whether a script answers true.
    pub async fn script_bool(&self, script: &str) -> bool {
        self.client
            .execute(script, vec![])
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }

    /// Waits until the input or list has a value (something chosen); returns it.
    pub async fn wait_value(&self, css: &str) -> String {
        for _ in 0..150 {
            let value = self.value(css).await;
            if !value.is_empty() {
                return value;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("nothing was ever chosen in {css}");
    }

    /// Waits until the element's text contains `expected`; returns the text.
    pub async fn wait_text(&self, css: &str, expected: &str) -> String {
        let mut last = String::new();
        for _ in 0..150 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("«{expected}» never appeared in {css}; last text: «{last}»");
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    pub async fn wait_path(&self, expected: &str) {
        for _ in 0..150 {
            if self.path().await == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("never reached {expected}; at {}", self.path().await);
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        for _ in 0..150 {
            if self.client.find(Locator::Css(css)).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{css} never went away");
    }

    /// A phone's width: the window becomes 375 px wide.
    pub async fn phone(&self) {
        self.client
            .set_window_size(375, 800)
            .await
            .expect("resize the window");
    }

    /// Nothing sticks out sideways, nor needs a sideways scroll: every visible element
    /// lies within the window's width (screen-reader-only text aside).
    pub async fn assert_fits(&self, screen: &str) {
        let outside: Value = self
            .client
            .execute(
                "const width = document.documentElement.clientWidth;
                 return [...document.querySelectorAll('body *')]
                   .filter(e => !e.closest('.sr-only') && e.getClientRects().length > 0)
                   .map(e => [e, e.getBoundingClientRect()])
                   .filter(([e, r]) => r.width > 1 && (r.left < -1 || r.right > width + 1))
                   .map(([e, r]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`)
                   .slice(0, 10);",
                vec![],
            )
            .await
            .expect("measure the page");
        assert_eq!(outside, json!([]), "{screen} does not fit the window");
    }

    /// Runs axe-core on the page and fails on any violation.
    pub async fn assert_accessible(&self, screen: &str) {
        let axe = std::fs::read_to_string(
            tests::app::workspace_root().join("tests/browser/node_modules/axe-core/axe.min.js"),
        )
        .expect("axe-core installed (cargo xtask test runs npm ci)");
        self.client.execute(&axe, vec![]).await.expect("inject axe");
        let violations: Value = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                       nodes: v.nodes.map(n => n.target.join(' '))}))))
                   .catch(e => done([{id: 'axe-error', help: String(e)}]));",
                vec![],
            )
            .await
            .expect("run axe");
        assert_eq!(violations, json!([]), "axe violations on {screen}");
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A DevTools command, sent through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (reqwest::Method, Option<String>) {
        let body = serde_json::json!({"cmd": self.cmd, "params": self.params});
        (reqwest::Method::POST, Some(body.to_string()))
    }
}
