//! `guichet`: runs the portal. `guichet openapi` prints the OpenAPI document;
//! `guichet create-admin --email ... --first-name ... --birth-name ...` creates the first
//! administrator.

use std::process::ExitCode;

use api::{telemetry, Application, Settings};

#[actix_web::main]
async fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("openapi") {
        print!("{}", api::openapi::spec_json());
        return ExitCode::SUCCESS;
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
