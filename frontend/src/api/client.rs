//! HTTP helpers: JSON in and out, `application/problem+json` errors, and the bearer
//! token with one refresh when the access token has expired.

use std::cell::Cell;

use domain::auth::{RefreshRequest, Session};
use domain::messages::problem_title;
use domain::problem::Problem;
use gloo_net::http::{Method, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;
use web_sys::Blob;
use yew::Callback;

use super::session;

/// A failed call as the person sees it; network failures become a problem too, so pages
/// have one error path.
pub type ApiResult<T> = Result<T, Problem>;

pub use super::files::{attachment_name, File};

pub fn local_problem(code: &str, status: u16) -> Problem {
    Problem {
        kind: format!("urn:guichet:problem:{code}"),
        title: problem_title(code).to_string(),
        status,
        detail: None,
        code: code.to_string(),
        errors: Vec::new(),
    }
}

fn network_problem() -> Problem {
    Problem {
        detail: Some(
            "Le portail ne répond pas. Vérifiez votre connexion à Internet puis réessayez."
                .to_string(),
        ),
        ..local_problem("network_error", 0)
    }
}

/// Path segments come from URLs people can type: keep each inside its segment.
pub fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `k=v&k=v`, each value encoded.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// What the JSON endpoints answer, errors included.
const JSON: &str = "application/json, application/problem+json";

fn request(method: Method, path: &str, token: Option<&str>, accept: &str) -> RequestBuilder {
    let builder = RequestBuilder::new(&format!("/api{path}"))
        .method(method)
        .header("Accept", accept);
    match token {
        Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
        None => builder,
    }
}

/// What a call sends: JSON, or a form with a file (an upload).
pub enum Payload {
    Json(String),
    Form(web_sys::FormData),
}

impl Payload {
    fn json<B: Serialize>(body: Option<&B>) -> ApiResult<Option<Payload>> {
        body.map(|b| {
            serde_json::to_string(b)
                .map(Payload::Json)
                .map_err(|_| local_problem("malformed_json", 0))
        })
        .transpose()
    }
}

async fn send<B: Serialize>(
    method: Method,
    path: &str,
    body: Option<&B>,
    token: Option<&str>,
    accept: &str,
) -> ApiResult<Response> {
    send_payload(method, path, Payload::json(body)?.as_ref(), token, accept).await
}

async fn send_payload(
    method: Method,
    path: &str,
    payload: Option<&Payload>,
    token: Option<&str>,
    accept: &str,
) -> ApiResult<Response> {
    let builder = request(method, path, token, accept);
    let built = match payload {
        Some(Payload::Json(text)) => builder
            .header("Content-Type", "application/json")
            .body(text.as_str()),
        // The browser writes the multipart boundary itself.
        Some(Payload::Form(form)) => builder.body(form.clone()),
        None => builder.build(),
    };
    let sent = match built {
        Ok(request) => request.send().await,
        Err(_) => return Err(local_problem("malformed_json", 0)),
    };
    let response = sent.map_err(|_| network_problem())?;
    if response.ok() {
        Ok(response)
    } else {
        Err(problem_of(&response).await)
    }
}

async fn problem_of(response: &Response) -> Problem {
    match response.json::<Problem>().await {
        Ok(problem) => problem,
        // A proxy or a crash answered: still say something useful.
        Err(_) => local_problem(
            if response.status() >= 500 {
                "internal_error"
            } else {
                "unknown"
            },
            response.status(),
        ),
    }
}

async fn json<T: DeserializeOwned>(response: Response) -> ApiResult<T> {
    response
        .json::<T>()
        .await
        .map_err(|_| local_problem("internal_error", response.status()))
}

pub async fn get<T: DeserializeOwned>(path: &str) -> ApiResult<T> {
    json(send::<()>(Method::GET, path, None, None, JSON).await?).await
}

pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> ApiResult<T> {
    json(send(Method::POST, path, Some(body), None, JSON).await?).await
}

/// A POST whose success answer has no body we need (204, or 201 for an empty body).
pub async fn post_no_content<B: Serialize>(path: &str, body: &B) -> ApiResult<()> {
    send(Method::POST, path, Some(body), None, JSON)
        .await
        .map(|_| ())
}

/// POST without a body, for endpoints that create something from nothing (captchas).
pub async fn post_empty<T: DeserializeOwned>(path: &str) -> ApiResult<T> {
    json(send::<()>(Method::POST, path, None, None, JSON).await?).await
}

/// New tokens from the `guichet_refresh` cookie (after a reload, or an expired access
/// token).
pub async fn refresh_from_cookie() -> ApiResult<Session> {
    post("/auth/refresh", &RefreshRequest::default()).await
}

/// Calls made on behalf of the signed-in person. `on_session` hears about every change of
/// session (refreshed tokens, or `None` when the session is over) so the app can follow.
#[derive(Clone)]
pub struct Authed {
    pub on_session: Callback<Option<Session>>,
}

thread_local! {
    static REFRESHING: Cell<bool> = const { Cell::new(false) };
}

impl Authed {
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> ApiResult<T> {
        json(self.call::<()>(Method::GET, path, None).await?).await
    }

    pub async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> ApiResult<T> {
        json(self.call(Method::POST, path, Some(body)).await?).await
    }

    pub async fn put<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> ApiResult<T> {
        json(self.call(Method::PUT, path, Some(body)).await?).await
    }

    /// A POST without a body (workflow actions such as `submit` or `take`).
    pub async fn post_empty<T: DeserializeOwned>(&self, path: &str) -> ApiResult<T> {
        json(self.call::<()>(Method::POST, path, None).await?).await
    }

    /// A PUT without a body (setting a flag such as a permission).
    pub async fn put_empty<T: DeserializeOwned>(&self, path: &str) -> ApiResult<T> {
        json(self.call::<()>(Method::PUT, path, None).await?).await
    }

    /// A DELETE answered with the changed resource.
    pub async fn delete_json<T: DeserializeOwned>(&self, path: &str) -> ApiResult<T> {
        json(self.call::<()>(Method::DELETE, path, None).await?).await
    }

    /// A DELETE answered by 204 No Content.
    pub async fn delete(&self, path: &str) -> ApiResult<()> {
        self.call::<()>(Method::DELETE, path, None)
            .await
            .map(|_| ())
    }

    pub async fn post_no_content<B: Serialize>(
        &self,
        path: &str,
        body: Option<&B>,
    ) -> ApiResult<()> {
        self.call(Method::POST, path, body).await.map(|_| ())
    }

    /// A file to download (a PDF...): its content, as the browser holds it, and the name
    /// the server gives it in `Content-Disposition`. `accept` is its media type.
    pub async fn get_file(&self, path: &str, accept: &str) -> ApiResult<File> {
        let accept = format!("{accept}, application/problem+json");
        let response = self
            .call_accepting(Method::GET, path, None, &accept)
            .await?;
        let name = response
            .headers()
            .get("content-disposition")
            .as_deref()
            .and_then(attachment_name);
        let status = response.status();
        let unreadable = || local_problem("internal_error", status);
        let promise = web_sys::Response::from(response)
            .blob()
            .map_err(|_| unreadable())?;
        let blob = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|blob| blob.dyn_into::<Blob>().ok())
            .ok_or_else(unreadable)?;
        Ok(File { blob, name })
    }

    /// Sends a form with a file (an upload) and reads the JSON answer.
    pub async fn post_form<T: DeserializeOwned>(
        &self,
        path: &str,
        form: web_sys::FormData,
    ) -> ApiResult<T> {
        let payload = Payload::Form(form);
        json(
            self.call_accepting(Method::POST, path, Some(&payload), JSON)
                .await?,
        )
        .await
    }

    async fn call<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> ApiResult<Response> {
        let payload = Payload::json(body)?;
        self.call_accepting(method, path, payload.as_ref(), JSON)
            .await
    }

    async fn call_accepting(
        &self,
        method: Method,
        path: &str,
        body: Option<&Payload>,
        accept: &str,
    ) -> ApiResult<Response> {
        let Some(current) = session::load() else {
            self.on_session.emit(None);
            return Err(local_problem("unauthenticated", 401));
        };
        match send_payload(
            method.clone(),
            path,
            body,
            Some(&current.access_token),
            accept,
        )
        .await
        {
            Err(problem) if problem.status == 401 && problem.code == "token_expired" => {
                let Some(fresh) = self.refreshed(&current.access_token).await else {
                    return Err(local_problem("token_expired", 401));
                };
                send_payload(method, path, body, Some(&fresh.access_token), accept).await
            }
            Err(problem) if problem.status == 401 => {
                self.on_session.emit(None);
                Err(problem)
            }
            other => other,
        }
    }

    /// Exchanges the refresh token once. Refresh tokens rotate, so two calls failing
    /// together must not both spend the same one: the second waits for the first and
    /// reuses its tokens.
    async fn refreshed(&self, expired_token: &str) -> Option<Session> {
        while REFRESHING.with(Cell::get) {
            gloo_timers::future::TimeoutFuture::new(25).await;
        }
        let stored = session::load()?;
        if stored.access_token != expired_token {
            return Some(stored);
        }
        REFRESHING.with(|r| r.set(true));
        let answer = refresh_from_cookie().await;
        REFRESHING.with(|r| r.set(false));
        match answer {
            Ok(fresh) => {
                self.on_session.emit(Some(fresh.clone()));
                Some(fresh)
            }
            Err(_) => {
                self.on_session.emit(None);
                None
            }
        }
    }
}
