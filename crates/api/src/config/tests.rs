//! Tests of the parent module.

use super::*;

fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn defaults_run_on_sqlite_in_the_data_dir() {
    let s = Settings::load_from(&vars(&[("GUICHET_DATA_DIR", "/tmp/guichet-x")])).unwrap();
    assert_eq!(s.addr, "127.0.0.1:8080");
    assert_eq!(s.database_url(), "sqlite:///tmp/guichet-x/guichet.sqlite3");
    assert_eq!(s.public_url(), "http://127.0.0.1:8080");
    assert_eq!(s.captcha, CaptchaMode::Enabled);
    assert_eq!(s.commune.name(), "Ville de Quiévrechain");
    assert!(!s.hsts());
}

#[test]
fn an_unknown_database_scheme_stops_the_start() {
    let mysql = vars(&[("GUICHET_DATABASE_URL", "mysql://guichet@db/guichet")]);
    let error = Settings::load_from(&mysql).unwrap_err().to_string();
    assert!(error.contains("postgres:// or sqlite://"), "{error}");
    for fine in [
        "postgresql://db/guichet",
        "sqlite:///tmp/g.sqlite3",
        "data/g.sqlite3",
    ] {
        assert!(Settings::load_from(&vars(&[("GUICHET_DATABASE_URL", fine)])).is_ok());
    }
}

#[test]
fn hsts_follows_the_public_url_unless_set() {
    let https = vars(&[("GUICHET_PUBLIC_URL", "https://portail.mairie.fr")]);
    assert!(Settings::load_from(&https).unwrap().hsts());
    let mut off = https.clone();
    off.push(("GUICHET_HSTS".into(), "false".into()));
    assert!(!Settings::load_from(&off).unwrap().hsts());
}

#[test]
fn environment_overrides_the_file() {
    let dir = std::env::temp_dir().join(format!("guichet-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("guichet.toml");
    std::fs::write(
        &file,
        "addr = \"0.0.0.0:9000\"\n[commune]\npreset = \"hesdigneul\"\nnews = \"Fermeture le 14 juillet\"\n",
    )
    .unwrap();
    let s = Settings::load_from(&vars(&[
        ("GUICHET_CONFIG", file.to_str().unwrap()),
        ("GUICHET_ADDR", "127.0.0.1:9001"),
        ("GUICHET_CAPTCHA", "disabled"),
    ]))
    .unwrap();
    assert_eq!(s.addr, "127.0.0.1:9001");
    assert_eq!(s.captcha, CaptchaMode::Disabled);
    assert_eq!(s.commune.name(), "Ville de Hesdigneul-lès-Boulogne");
    assert_eq!(s.commune.news(), "Fermeture le 14 juillet");
}

#[test]
fn bad_values_are_reported_by_name() {
    let err = Settings::load_from(&vars(&[("GUICHET_SMTP_PORT", "vingt-cinq")])).unwrap_err();
    assert!(err.to_string().contains("GUICHET_SMTP_PORT"));
    let err = Settings::load_from(&vars(&[("GUICHET_COMMUNE", "atlantis")])).unwrap_err();
    assert!(err.to_string().contains("atlantis"));
}

#[test]
fn secrets_do_not_print() {
    let s = Settings::load_from(&vars(&[
        ("GUICHET_SMTP_PASSWORD", "hunter2"),
        ("DATABASE_URL", "postgres://guichet:swordfish@db/guichet"),
    ]))
    .unwrap();
    let printed = format!("{s:?}");
    assert!(!printed.contains("hunter2") && !printed.contains("swordfish"));
    assert_eq!(s.database_url(), "postgres://guichet:swordfish@db/guichet");
}
