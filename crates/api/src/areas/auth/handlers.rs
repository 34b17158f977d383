use actix_web::{get, post, web, HttpRequest, HttpResponse};
use domain::auth::{
    Accepted, ForgottenLoginRequest, ForgottenPasswordRequest, LoginRequest, Me,
    PasswordChangeRequest, PasswordResetInfo, PasswordResetRequest, RefreshRequest,
    RefreshTokenDelivery, Session,
};
use domain::problem::Problem;

use super::{checks, refresh_cookie, service, sessions};
use crate::auth_user::AuthUser;
use crate::client_ip::ClientIp;
use crate::error::{ApiError, ApiResult};
use crate::extract::ValidJson;
use crate::state::AppState;

/// "Me connecter" with identifiant (or e-mail address) and password.
#[utoipa::path(
    operation_id = "login",
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in. With `refresh_token_delivery: cookie` the refresh token is set as the `guichet_refresh` cookie (HttpOnly, SameSite=Strict, path `/api/auth`, Secure on https) and left out of the body.", body = Session,
            headers(("Set-Cookie" = String, description = "`guichet_refresh=…` when the delivery is `cookie`."))),
        (status = 401, description = "Wrong login or password (`invalid_credentials`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing fields.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts (`too_many_attempts`); see `Retry-After`.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    client: ClientIp,
    body: ValidJson<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let LoginRequest {
        login,
        password,
        refresh_token_delivery,
    } = body.into_inner()?;
    let check = state
        .run(move |conn| service::begin_login(conn, &login, client))
        .await?;
    let verified = state.hasher.verify(password, check.stored_hash()).await?;
    let jwt = state.jwt.clone();
    let session = state
        .run(move |conn| service::finish_login(conn, &jwt, check, verified))
        .await?;
    let secure = state.settings.serves_https();
    Ok(refresh_cookie::respond(
        session,
        refresh_token_delivery,
        secure,
    ))
}

/// Exchanges a refresh token (once) for new tokens.
#[utoipa::path(
    operation_id = "refresh_session",
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens; the old refresh token no longer works. A token sent as the `guichet_refresh` cookie is renewed in the cookie and left out of the body; presented again within a few seconds of its renewal (two tabs of one browser), it gets an access token and no new refresh token.", body = Session,
            headers(("Set-Cookie" = String, description = "The renewed `guichet_refresh` cookie, when the token came from it."))),
        (status = 401, description = "No, unknown, used or revoked refresh token (`unauthenticated`); a used one also ends its session.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let (token, delivery) = match body.refresh_token {
        Some(token) => (token, RefreshTokenDelivery::Body),
        None => (
            refresh_cookie::read(&req).ok_or_else(ApiError::unauthenticated)?,
            RefreshTokenDelivery::Cookie,
        ),
    };
    let jwt = state.jwt.clone();
    let from_cookie = delivery == RefreshTokenDelivery::Cookie;
    let session = state
        .run(move |conn| service::refresh(conn, &jwt, &token, from_cookie))
        .await?;
    let secure = state.settings.serves_https();
    Ok(refresh_cookie::respond(session, delivery, secure))
}

/// "Déconnexion": ends the session; its tokens are refused afterwards.
#[utoipa::path(
    operation_id = "logout",
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Logged out; the `guichet_refresh` cookie is removed.",
            headers(("Set-Cookie" = String, description = "Removes `guichet_refresh`."))),
    )
)]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    state.run(move |conn| service::logout(conn, user)).await?;
    let secure = state.settings.serves_https();
    Ok(HttpResponse::NoContent()
        .cookie(refresh_cookie::removal(secure))
        .finish())
}

/// The signed-in person.
#[utoipa::path(
    operation_id = "get_me",
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in person.", body = Me),
        (status = 401, description = "Not logged in, or session ended (`unauthenticated`, `token_expired`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn me(state: web::Data<AppState>, user: AuthUser) -> ApiResult<web::Json<Me>> {
    let me = state
        .run(move |conn| sessions::me(conn, user.account_id))
        .await?;
    Ok(web::Json(me))
}

/// Changes the password; the person's other sessions end.
#[utoipa::path(
    operation_id = "change_password",
    tag = "auth",
    security(("bearer" = [])),
    request_body = PasswordChangeRequest,
    responses(
        (status = 204, description = "Password changed."),
        (status = 422, description = "Wrong current password or new password not following the rules.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong current passwords (`too_many_attempts`); see `Retry-After`.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    user: AuthUser,
    body: ValidJson<PasswordChangeRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let account = checks::current_password(&state, user.account_id, body.current_password).await?;
    let hash = checks::new_password_hash(&state, body.password).await?;
    let settings = state.settings.clone();
    state
        .run(move |conn| {
            service::change_password(conn, &settings, &account, user.session_id, &hash)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// "Mon identifiant": sends the login to the address, if an account has it.
#[utoipa::path(
    operation_id = "send_forgotten_login",
    tag = "auth",
    request_body = ForgottenLoginRequest,
    responses(
        (status = 202, description = "Taken into account (same answer whether or not an account exists).", body = Accepted),
        (status = 422, description = "Invalid e-mail address.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/forgotten-login")]
pub async fn forgotten_login(
    state: web::Data<AppState>,
    body: ValidJson<ForgottenLoginRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let settings = state.settings.clone();
    let accepted = state
        .run(move |conn| service::forgotten_login(conn, &settings, &body))
        .await?;
    Ok(HttpResponse::Accepted().json(accepted))
}

/// "Mon mot de passe": sends a reset link for the account with this e-mail or login.
#[utoipa::path(
    operation_id = "send_password_reset_link",
    tag = "auth",
    request_body = ForgottenPasswordRequest,
    responses(
        (status = 202, description = "Taken into account (same answer whether or not an account exists).", body = Accepted),
        (status = 422, description = "Missing identifier.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/forgotten-password")]
pub async fn forgotten_password(
    state: web::Data<AppState>,
    body: ValidJson<ForgottenPasswordRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let settings = state.settings.clone();
    let accepted = state
        .run(move |conn| service::forgotten_password(conn, &settings, &body))
        .await?;
    Ok(HttpResponse::Accepted().json(accepted))
}

/// What the reset page shows.
#[utoipa::path(
    operation_id = "get_password_reset",
    tag = "auth",
    params(("token" = String, Path, description = "Token from the reset link.")),
    responses(
        (status = 200, description = "The link is valid.", body = PasswordResetInfo),
        (status = 404, description = "Unknown or used link (`link_invalid`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Expired link (`link_expired`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/password-resets/{token}")]
pub async fn reset_info(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<web::Json<PasswordResetInfo>> {
    let token = token.into_inner();
    Ok(web::Json(
        state
            .run(move |conn| service::reset_info(conn, &token))
            .await?,
    ))
}

/// Sets a new password from a reset link; every session of the account ends.
#[utoipa::path(
    operation_id = "reset_password",
    tag = "auth",
    params(("token" = String, Path, description = "Token from the reset link.")),
    request_body = PasswordResetRequest,
    responses(
        (status = 204, description = "Password changed; log in with it."),
        (status = 404, description = "Unknown or used link (`link_invalid`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Expired link (`link_expired`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Password not following the rules, or not repeated identically.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/password-resets/{token}")]
pub async fn reset_password(
    state: web::Data<AppState>,
    token: web::Path<String>,
    body: ValidJson<PasswordResetRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let token = token.into_inner();
    // The link first: a bogus token must not cost a password hash.
    let probe = token.clone();
    state
        .run(move |conn| service::reset_info(conn, &probe))
        .await?;
    let hash = checks::new_password_hash(&state, body.password).await?;
    let settings = state.settings.clone();
    state
        .run(move |conn| service::reset_password(conn, &settings, &token, &hash))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
