//! Configuration: defaults, then an optional TOML file, then `GUICHET_*` environment
//! variables (and `DATABASE_URL`). Secrets are wrapped in [`Secret`] so they never print.

pub mod calendar;
mod commune;
pub mod documents;
pub mod schooling;
mod secret;

use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use commune::{CategorySettings, CommuneSettings, ProcedureSettings};
pub use secret::Secret;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Listen address (`GUICHET_ADDR`).
    pub addr: String,
    /// Where the SQLite file, the signing key and the mail files live (`GUICHET_DATA_DIR`).
    pub data_dir: PathBuf,
    /// `DATABASE_URL`; a SQLite file in the data directory when unset. A secret: it may
    /// hold the PostgreSQL password.
    pub database_url: Option<Secret>,
    /// Public address of the portal, used in e-mail links (`GUICHET_PUBLIC_URL`).
    pub public_url: Option<String>,
    /// The built SPA (`GUICHET_SPA_DIR`).
    pub spa_dir: PathBuf,
    /// Key signing access tokens (`GUICHET_JWT_SECRET`); generated once in the data
    /// directory when unset.
    pub jwt_secret: Option<Secret>,
    /// `enabled` (default) or `disabled` (`GUICHET_CAPTCHA`), for automated tests only.
    pub captcha: CaptchaMode,
    /// Work of the proof-of-work captcha: the largest secret number.
    pub captcha_pow_max_number: u64,
    /// `text` (default) or `json` logs (`GUICHET_LOG_FORMAT`).
    pub log_format: LogFormat,
    /// Send `Strict-Transport-Security` (`GUICHET_HSTS`, `true` or `false`); by default
    /// when the public URL is https.
    pub hsts: Option<bool>,
    /// The header a trusted reverse proxy writes the client's address in
    /// (`GUICHET_CLIENT_IP_HEADER`, e.g. `X-Forwarded-For`); unset: the TCP peer.
    pub client_ip_header: Option<String>,
    /// Requests per minute one client address may make to the anonymous endpoints
    /// (`GUICHET_ANONYMOUS_RATE`); the same number may come in a burst.
    pub anonymous_rate_per_minute: u32,
    /// Mails one client address may cause per hour through the anonymous endpoints
    /// (registration, forgotten login or password) (`GUICHET_ANONYMOUS_MAIL_RATE`).
    pub anonymous_mail_per_hour: u32,
    /// Where uploaded documents go (`GUICHET_STORAGE_URL`): `file:///dir` or
    /// `s3://bucket/prefix`; by default the `documents` directory of the data directory.
    pub storage_url: Option<String>,
    /// Seconds between two rounds of the clean-up job (`GUICHET_HOUSEKEEPING_SECONDS`).
    pub housekeeping_seconds: u64,
    pub mail: MailSettings,
    pub commune: CommuneSettings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaptchaMode {
    Enabled,
    Disabled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    /// `file` (default: `.eml` files in `<data dir>/mail/`) or `smtp`
    /// (`GUICHET_MAIL_TRANSPORT`).
    pub transport: MailTransportKind,
    /// Sender, e.g. `Mairie de Quiévrechain <ne-pas-repondre@mairie.fr>`
    /// (`GUICHET_MAIL_FROM`).
    pub from: Option<String>,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<Secret>,
    /// `none`, `starttls` or `tls` (`GUICHET_SMTP_TLS`).
    pub smtp_tls: SmtpTls,
    /// How often the sender looks for retries due (`GUICHET_MAIL_POLL_SECONDS`); new
    /// mail does not wait for it, the commit that queued it wakes the sender.
    pub poll_seconds: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransportKind {
    File,
    Smtp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    None,
    Starttls,
    Tls,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            addr: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("data"),
            database_url: None,
            public_url: None,
            spa_dir: PathBuf::from("frontend/dist"),
            jwt_secret: None,
            captcha: CaptchaMode::Enabled,
            captcha_pow_max_number: 200_000,
            log_format: LogFormat::Text,
            hsts: None,
            client_ip_header: None,
            anonymous_rate_per_minute: 30,
            anonymous_mail_per_hour: 10,
            storage_url: None,
            housekeeping_seconds: 600,
            mail: MailSettings::default(),
            commune: CommuneSettings::default(),
        }
    }
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            transport: MailTransportKind::File,
            from: None,
            smtp_host: "127.0.0.1".into(),
            smtp_port: 25,
            smtp_username: None,
            smtp_password: None,
            smtp_tls: SmtpTls::None,
            poll_seconds: 5,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read configuration file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid configuration file {path}: {source}")]
    Parse {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("invalid value for {name}: {reason}")]
    Env { name: String, reason: String },
    #[error("{0}")]
    Commune(String),
}

impl Settings {
    /// Loads the configuration from the process environment.
    pub fn load() -> Result<Settings, ConfigError> {
        let vars: Vec<(String, String)> = std::env::vars().collect();
        Settings::load_from(&vars)
    }

    /// Loads the configuration from the given variables: `GUICHET_CONFIG` names the file,
    /// else `<data dir>/guichet.toml` is read when it exists.
    pub fn load_from(vars: &[(String, String)]) -> Result<Settings, ConfigError> {
        let var = |name: &str| {
            vars.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        let data_dir = var("GUICHET_DATA_DIR").map(PathBuf::from);
        let file = var("GUICHET_CONFIG").map(PathBuf::from).or_else(|| {
            let default = data_dir
                .clone()
                .unwrap_or_else(|| PathBuf::from("data"))
                .join("guichet.toml");
            default.exists().then_some(default)
        });
        let mut settings = match file {
            Some(path) => Settings::from_file(&path)?,
            None => Settings::default(),
        };
        settings.apply_env(&var)?;
        settings.commune.resolve().map_err(ConfigError::Commune)?;
        if db::Backend::from_url(&settings.database_url()).is_none() {
            return Err(ConfigError::Env {
                name: "DATABASE_URL".into(),
                reason: "the scheme must be postgres:// or sqlite://".into(),
            });
        }
        Ok(settings)
    }

    fn from_file(path: &Path) -> Result<Settings, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        toml::from_str(&text).map_err(|source| ConfigError::Parse {
            path: path.to_path_buf(),
            source: Box::new(source),
        })
    }

    fn apply_env(&mut self, var: &dyn Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        fn parse<T: std::str::FromStr>(name: &str, value: String) -> Result<T, ConfigError> {
            value.parse().map_err(|_| ConfigError::Env {
                name: name.into(),
                reason: format!("`{value}` is not valid"),
            })
        }
        fn choice<T: for<'de> Deserialize<'de>>(
            name: &str,
            value: String,
        ) -> Result<T, ConfigError> {
            serde_json::from_value(serde_json::Value::String(value.to_lowercase())).map_err(|_| {
                ConfigError::Env {
                    name: name.into(),
                    reason: format!("`{value}` is not one of the accepted values"),
                }
            })
        }
        if let Some(v) = var("GUICHET_ADDR") {
            self.addr = v;
        }
        if let Some(v) = var("GUICHET_DATA_DIR") {
            self.data_dir = PathBuf::from(v);
        }
        if let Some(v) = var("DATABASE_URL").or_else(|| var("GUICHET_DATABASE_URL")) {
            self.database_url = Some(Secret::new(v));
        }
        if let Some(v) = var("GUICHET_PUBLIC_URL") {
            self.public_url = Some(v);
        }
        if let Some(v) = var("GUICHET_SPA_DIR") {
            self.spa_dir = PathBuf::from(v);
        }
        if let Some(v) = var("GUICHET_JWT_SECRET") {
            self.jwt_secret = Some(Secret::new(v));
        }
        if let Some(v) = var("GUICHET_CAPTCHA") {
            self.captcha = choice("GUICHET_CAPTCHA", v)?;
        }
        if let Some(v) = var("GUICHET_CAPTCHA_POW_MAX_NUMBER") {
            self.captcha_pow_max_number = parse("GUICHET_CAPTCHA_POW_MAX_NUMBER", v)?;
        }
        if let Some(v) = var("GUICHET_LOG_FORMAT") {
            self.log_format = choice("GUICHET_LOG_FORMAT", v)?;
        }
        if let Some(v) = var("GUICHET_HSTS") {
            self.hsts = Some(parse("GUICHET_HSTS", v)?);
        }
        if let Some(v) = var("GUICHET_STORAGE_URL") {
            self.storage_url = Some(v);
        }
        if let Some(v) = var("GUICHET_CLIENT_IP_HEADER") {
            self.client_ip_header = Some(v);
        }
        if let Some(v) = var("GUICHET_ANONYMOUS_RATE") {
            self.anonymous_rate_per_minute = parse("GUICHET_ANONYMOUS_RATE", v)?;
        }
        if let Some(v) = var("GUICHET_ANONYMOUS_MAIL_RATE") {
            self.anonymous_mail_per_hour = parse("GUICHET_ANONYMOUS_MAIL_RATE", v)?;
        }
        if let Some(v) = var("GUICHET_HOUSEKEEPING_SECONDS") {
            self.housekeeping_seconds = parse("GUICHET_HOUSEKEEPING_SECONDS", v)?;
        }
        let mail = &mut self.mail;
        if let Some(v) = var("GUICHET_MAIL_TRANSPORT") {
            mail.transport = choice("GUICHET_MAIL_TRANSPORT", v)?;
        }
        if let Some(v) = var("GUICHET_MAIL_FROM") {
            mail.from = Some(v);
        }
        if let Some(v) = var("GUICHET_SMTP_HOST") {
            mail.smtp_host = v;
        }
        if let Some(v) = var("GUICHET_SMTP_PORT") {
            mail.smtp_port = parse("GUICHET_SMTP_PORT", v)?;
        }
        if let Some(v) = var("GUICHET_SMTP_USERNAME") {
            mail.smtp_username = Some(v);
        }
        if let Some(v) = var("GUICHET_SMTP_PASSWORD") {
            mail.smtp_password = Some(Secret::new(v));
        }
        if let Some(v) = var("GUICHET_SMTP_TLS") {
            mail.smtp_tls = choice("GUICHET_SMTP_TLS", v)?;
        }
        if let Some(v) = var("GUICHET_MAIL_POLL_SECONDS") {
            mail.poll_seconds = parse("GUICHET_MAIL_POLL_SECONDS", v)?;
        }
        let commune = &mut self.commune;
        if let Some(v) = var("GUICHET_COMMUNE") {
            commune.preset = Some(v);
        }
        if let Some(v) = var("GUICHET_COMMUNE_NAME") {
            commune.name = Some(v);
        }
        if let Some(v) = var("GUICHET_REGIE_NAME") {
            commune.regie_name = Some(v);
        }
        if let Some(v) = var("GUICHET_NEWS") {
            commune.news = Some(v);
        }
        Ok(())
    }

    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose().to_string(),
            None => format!(
                "sqlite://{}",
                self.data_dir.join("guichet.sqlite3").display()
            ),
        }
    }

    /// The address people reach the portal at, without a trailing slash.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
            .trim_end_matches('/')
            .to_string()
    }

    /// Whether answers carry `Strict-Transport-Security`.
    pub fn hsts(&self) -> bool {
        self.hsts.unwrap_or_else(|| self.serves_https())
    }

    /// Whether people reach the portal over https (cookies are then `Secure`).
    pub fn serves_https(&self) -> bool {
        self.public_url().starts_with("https://")
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }
}

#[cfg(test)]
mod tests;
