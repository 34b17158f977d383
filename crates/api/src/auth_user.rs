//! `AuthUser`: a handler that takes it only runs for a signed-in person whose session is
//! live. The check cannot be forgotten.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use domain::auth::Role;
use domain::ids::AccountId;
use futures_util::future::LocalBoxFuture;

use crate::error::{ApiError, ErrorKind};
use crate::security::jwt::TokenError;
use crate::state::AppState;

#[derive(Debug, Clone, Copy)]
pub struct AuthUser {
    pub account_id: AccountId,
    pub session_id: i64,
    pub role: Role,
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(|t| t.trim().to_string());
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            let token = token.ok_or_else(ApiError::unauthenticated)?;
            let claims = state.jwt.verify(&token).map_err(|e| match e {
                TokenError::Expired => ApiError::new(ErrorKind::Unauthenticated, "token_expired"),
                TokenError::Invalid => ApiError::unauthenticated(),
            })?;
            let account_id: AccountId = claims
                .sub
                .parse()
                .map_err(|_| ApiError::unauthenticated())?;
            let session_id = claims.sid;
            // The role is the account's now, not the one the token was issued with.
            let holder = db::run(&state.pool, move |conn| -> Result<_, ApiError> {
                Ok(db::sessions::find_live_holder(conn, session_id, db::now())?)
            })
            .await?;
            let role = match holder {
                Some((holder, role)) if holder == account_id => role,
                _ => return Err(ApiError::unauthenticated()),
            };
            Ok(AuthUser {
                account_id,
                session_id,
                role,
            })
        })
    }
}

/// A signed-in town-hall agent (or admin). Citizens get 403.
#[derive(Debug, Clone, Copy)]
pub struct AuthAgent(pub AuthUser);

impl FromRequest for AuthAgent {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move {
            let user = user.await?;
            match user.role {
                Role::Agent | Role::Admin => Ok(AuthAgent(user)),
                Role::Citizen => Err(ApiError::forbidden()),
            }
        })
    }
}

/// A signed-in administrator. Others get 403.
#[derive(Debug, Clone, Copy)]
pub struct AuthAdmin(pub AuthUser);

impl FromRequest for AuthAdmin {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move {
            let user = user.await?;
            if user.role == Role::Admin {
                Ok(AuthAdmin(user))
            } else {
                Err(ApiError::forbidden())
            }
        })
    }
}
