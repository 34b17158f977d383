//! Serves the built single-page app: files as they are, and `index.html` for every other
//! path so that client-side routes and deep links work.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::HttpResponse;

const NOT_BUILT: &str = "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Guichet</title>\
<h1>L'interface n'est pas construite</h1><p>Lancez <code>cargo xtask run</code> depuis le dossier du projet : \
il construit l'interface puis démarre le portail.</p><p>L'API répond sous <a href=\"/api/docs/\">/api/docs/</a>.</p></html>";

/// Registers the SPA's files, or — when it is not built — a page that says how to build
/// it (rather than a directory error logged by every worker).
pub fn configure(cfg: &mut actix_web::web::ServiceConfig, dir: &Path) {
    if dir.is_dir() {
        cfg.service(service(dir));
    } else {
        cfg.default_service(actix_web::web::to(|| async {
            HttpResponse::ServiceUnavailable()
                .content_type("text/html; charset=utf-8")
                .body(NOT_BUILT)
        }));
    }
}

fn service(dir: &Path) -> Files {
    let index = dir.join("index.html");
    Files::new("/", dir)
        .index_file("index.html")
        .use_etag(true)
        .use_last_modified(true)
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index: PathBuf = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let response = match NamedFile::open_async(&index).await {
                    Ok(file) => {
                        let mut response = file.into_response(&req);
                        response.headers_mut().insert(
                            header::CACHE_CONTROL,
                            header::HeaderValue::from_static("no-cache"),
                        );
                        response
                    }
                    Err(_) => HttpResponse::ServiceUnavailable()
                        .content_type("text/html; charset=utf-8")
                        .body(NOT_BUILT),
                };
                Ok(ServiceResponse::new(req, response))
            }
        }))
}
