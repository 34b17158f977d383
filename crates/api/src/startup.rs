//! Building and running the server: database, migrations, seed data, mail sender, routes.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::body::EitherBody;
use actix_web::dev::{Server, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::{Compress, DefaultHeaders, ErrorHandlerResponse, ErrorHandlers};
use actix_web::{web, App, HttpResponse, HttpServer, ResponseError};
use tokio::sync::Notify;
use tracing_actix_web::TracingLogger;
use utoipa_swagger_ui::SwaggerUi;

use crate::areas;
use crate::config::{CaptchaMode, Settings};
use crate::error::{ApiError, ErrorKind, PROBLEM_JSON};
use crate::mail::{transport::Sender, worker};
use crate::security::jwt::JwtKeys;
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot create the data directory {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("cannot connect to the database: {0}")]
    Database(#[from] diesel::ConnectionError),
    #[error("database: {0}")]
    Pool(#[from] db::DbError),
    #[error("database migrations failed: {0}")]
    Migrations(String),
    #[error("cannot read or create the token signing key: {0}")]
    SigningKey(std::io::Error),
    #[error("document storage: {0}")]
    Storage(String),
    #[error("mail configuration: {0}")]
    Mail(String),
    #[error("cannot listen on {0}: {1}")]
    Listen(String, std::io::Error),
}

/// Password hashes computed at once (about 19 MiB each), and how many more may wait.
const HASH_WORKERS: usize = 2;
const HASH_QUEUE: usize = 64;

pub struct Application {
    server: Server,
    port: u16,
    state: AppState,
}

impl Application {
    pub async fn build(mut settings: Settings) -> Result<Application, StartupError> {
        prepare_data_dir(&settings)?;
        if settings.captcha == CaptchaMode::Disabled {
            tracing::warn!("captcha DISABLED (GUICHET_CAPTCHA=disabled): only for automated tests");
        }
        let url = settings.database_url();
        let backend = db::Backend::from_url(&url).map_or("unknown", db::Backend::name);
        let pool = tokio::task::spawn_blocking(move || db::pool::build(&url))
            .await
            .map_err(|e| StartupError::Pool(db::DbError::Task(e.to_string())))??;
        let commune = settings.commune.clone();
        let (migrated, catalogue) = db::run(&pool, move |conn| {
            let migrated = db::migrate::run_pending(conn)
                .map_err(|e| StartupError::Migrations(e.to_string()))?;
            let catalogue = areas::catalogue::service::sync(conn, &commune).map_err(|e| {
                StartupError::Migrations(format!("synchronising the catalogue: {e}"))
            })?;
            Ok::<_, StartupError>((migrated, catalogue))
        })
        .await?;
        tracing::info!(
            backend,
            migrations_applied = migrated,
            procedures_added = catalogue.added,
            procedures_updated = catalogue.updated,
            procedures_archived = catalogue.archived,
            "database ready"
        );

        let jwt = match &settings.jwt_secret {
            Some(secret) => JwtKeys::from_secret(secret.expose().as_bytes()),
            None => {
                JwtKeys::load_or_create(&settings.data_dir).map_err(StartupError::SigningKey)?
            }
        };
        let storage = match &settings.storage_url {
            Some(url) => crate::storage::Storage::open(url),
            None => crate::storage::Storage::local(&settings.data_dir.join("documents")),
        }
        .map_err(StartupError::Storage)?;
        let sender = Sender::from_settings(&settings).map_err(StartupError::Mail)?;
        tracing::info!(transport = %sender.describe(), "mail sender ready");

        let listener = TcpListener::bind(&settings.addr)
            .map_err(|e| StartupError::Listen(settings.addr.clone(), e))?;
        let port = listener
            .local_addr()
            .map_err(|e| StartupError::Listen(settings.addr.clone(), e))?
            .port();
        // Listening on port 0 (tests): links in mails name the port we were given.
        if settings.public_url.is_none() {
            let host = listener
                .local_addr()
                .map_err(|e| StartupError::Listen(settings.addr.clone(), e))?
                .ip();
            settings.public_url = Some(format!("http://{host}:{port}"));
        }
        let state = AppState {
            rate_limits: Arc::new(crate::rate_limit::RateLimits::new(&settings)),
            pool,
            settings: Arc::new(settings),
            jwt,
            hasher: crate::security::password::Hasher::new(HASH_WORKERS, HASH_QUEUE),
            mail_wakeup: Arc::new(Notify::new()),
            storage,
        };
        worker::spawn(state.clone(), Arc::new(sender));
        crate::housekeeping::spawn(
            state.clone(),
            std::time::Duration::from_secs(state.settings.housekeeping_seconds.max(1)),
        );

        let spec = crate::openapi::spec();
        let app_state = state.clone();
        let server = HttpServer::new(move || {
            let spa_dir = app_state.settings.spa_dir.clone();
            App::new()
                .wrap(Compress::default())
                .wrap(actix_web::middleware::from_fn(
                    crate::request_id::add_header,
                ))
                .wrap(actix_web::middleware::from_fn(
                    crate::security_headers::add_headers,
                ))
                .wrap(TracingLogger::<crate::request_span::MaskedRootSpan>::new())
                .wrap(
                    DefaultHeaders::new()
                        .add(("X-Content-Type-Options", "nosniff"))
                        .add(("Referrer-Policy", "same-origin"))
                        .add(("X-Frame-Options", "DENY")),
                )
                .app_data(web::Data::new(app_state.clone()))
                .app_data(web::QueryConfig::default().error_handler(|_, _| {
                    // serde's message would repeat the submitted value: say it in French.
                    ApiError::new(ErrorKind::BadRequest, "invalid_query")
                        .with_detail(
                            "Vérifiez le statut, les dates (AAAA-MM-JJ) et les numéros de page.",
                        )
                        .into()
                }))
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| ApiError::not_found().into()),
                )
                .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", spec.clone()))
                .service(
                    web::scope("/api")
                        .wrap(actix_web::middleware::from_fn(crate::rate_limit::limit))
                        .wrap(
                            ErrorHandlers::new()
                                .handler(StatusCode::METHOD_NOT_ALLOWED, method_not_allowed),
                        )
                        .configure(|cfg| {
                            let mut cfg = utoipa_actix_web::service_config::ServiceConfig::new(cfg);
                            areas::configure(&mut cfg);
                        })
                        .default_service(web::to(api_not_found)),
                )
                .configure(|cfg| crate::spa::configure(cfg, &spa_dir))
        })
        // Headers and body leave in separate writes: without TCP_NODELAY, Nagle's
        // algorithm holds the second one until the client's delayed ACK (~40 ms on every
        // kept-alive static file).
        .on_connect(|conn, _| {
            if let Some(tcp) = conn.downcast_ref::<actix_web::rt::net::TcpStream>() {
                let _ = tcp.set_nodelay(true);
            }
        })
        .listen(listener)
        .map_err(|e| StartupError::Listen(format!("port {port}"), e))?
        .run();
        Ok(Application {
            server,
            port,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// The data directory (owner only) and, on SQLite, the database file (owner only: its
/// WAL files take its mode).
pub fn prepare_data_dir(settings: &Settings) -> Result<(), StartupError> {
    crate::private_files::create_dir(&settings.data_dir)
        .map_err(|e| StartupError::DataDir(settings.data_dir.display().to_string(), e))?;
    let url = settings.database_url();
    if db::Backend::from_url(&url) == Some(db::Backend::Sqlite) {
        let file = std::path::PathBuf::from(db::conn::sqlite_path(&url));
        crate::private_files::touch(&file)
            .map_err(|e| StartupError::DataDir(file.display().to_string(), e))?;
    }
    Ok(())
}

async fn api_not_found() -> HttpResponse {
    ApiError::not_found().error_response()
}

fn method_not_allowed<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes() == PROBLEM_JSON.as_bytes());
    if is_problem {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let (req, _) = res.into_parts();
    let response =
        ApiError::new(ErrorKind::MethodNotAllowed, "method_not_allowed").error_response();
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, response)
            .map_into_right_body::<B>()
            .map_body(|_, b| match b {
                EitherBody::Left { body } => EitherBody::Left { body },
                EitherBody::Right { body } => EitherBody::Right { body },
            }),
    ))
}
