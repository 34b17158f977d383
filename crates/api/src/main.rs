//! `guichet`: runs the portal. `guichet openapi` prints the OpenAPI document;
//! `guichet create-admin --email ... --first-name ... --birth-name ...` creates the first
//! administrator.

use std::process::ExitCode;

use api::{telemetry, Application, Settings};

const HELP: &str = "Guichet, the citizen portal of French communes.

usage:
  guichet                 run the portal (configuration: GUICHET_* variables, see README)
  guichet openapi         print the OpenAPI document
  guichet create-admin --email ADRESSE --first-name PRÉNOM --birth-name NOM [--civility madame|monsieur]
                          create an administrator and print the link to choose the password
  guichet --help          this text
  guichet --version       the version";

#[actix_web::main]
async fn main() -> ExitCode {
    // Answered before the configuration is read: no data folder is created for them.
    match std::env::args().nth(1).as_deref() {
        Some("--help" | "-h" | "help") => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some("--version" | "-V") => {
            println!("guichet {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some("openapi") => {
            print!("{}", api::openapi::spec_json());
            return ExitCode::SUCCESS;
        }
        Some("create-admin") | None => {}
        Some(other) => {
            eprintln!("guichet: unknown command `{other}`\n\n{HELP}");
            return ExitCode::from(2);
        }
    }
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("guichet: configuration error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("create-admin") {
        let outcome = match api::admin_cli::parse(&args[1..]) {
            Ok(new) => api::admin_cli::run(settings, new).await,
            Err(e) => Err(e),
        };
        return match outcome {
            Ok(message) => {
                println!("{message}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("guichet: {e}");
                ExitCode::FAILURE
            }
        };
    }
    telemetry::init(settings.log_format);
    let public_url = settings.public_url();
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(e) => {
            tracing::error!("cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(
        "Guichet is running at {public_url} (API documentation: {public_url}/api/docs/)"
    );
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("server stopped: {e}");
            ExitCode::FAILURE
        }
    }
}
