//! The household's calendar feed: its state, a new address, revoking it, and the feed.

use actix_web::{delete, get, post, web, HttpResponse};
use domain::agenda::{CalendarFeed, CalendarFeedStatus};
use domain::problem::Problem;

use super::feed;
use crate::auth_user::AuthUser;
use crate::error::ApiResult;
use crate::state::AppState;
use crate::town_clock;

/// Whether the household has a calendar feed, and since when.
#[utoipa::path(
    operation_id = "get_calendar_feed",
    tag = "agenda",
    security(("bearer" = [])),
    responses((status = 200, description = "The feed's state.", body = CalendarFeedStatus))
)]
#[get("/me/calendar-feed")]
pub async fn status(
    state: web::Data<AppState>,
    user: AuthUser,
) -> ApiResult<web::Json<CalendarFeedStatus>> {
    Ok(web::Json(
        state
            .run(move |conn| feed::status(conn, user.account_id))
            .await?,
    ))
}

/// A new secret address for the household's bookings (the previous one stops working).
#[utoipa::path(
    operation_id = "renew_calendar_feed",
    tag = "agenda",
    security(("bearer" = [])),
    responses((status = 201, description = "The address, shown this once.", body = CalendarFeed))
)]
#[post("/me/calendar-feed")]
pub async fn renew(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    let settings = state.settings.clone();
    let made = state
        .run(move |conn| feed::renew(conn, &settings, user.account_id))
        .await?;
    Ok(HttpResponse::Created().json(made))
}

/// Revokes the address: calendars subscribed to it get nothing more.
#[utoipa::path(
    operation_id = "revoke_calendar_feed",
    tag = "agenda",
    security(("bearer" = [])),
    responses((status = 204, description = "Revoked (or there was none)."))
)]
#[delete("/me/calendar-feed")]
pub async fn revoke(state: web::Data<AppState>, user: AuthUser) -> ApiResult<HttpResponse> {
    state
        .run(move |conn| feed::revoke(conn, user.account_id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The household's bookings as iCalendar, from a month back, for a calendar application
/// (no sign-in: the secret address is the key). Rate-limited per client.
#[utoipa::path(
    operation_id = "calendar_feed",
    tag = "agenda",
    params(("token" = String, Path, description = "The secret of the address.")),
    responses(
        (status = 200, description = "The bookings, one event each (waiting ones tentative).", content_type = "text/calendar", body = String),
        (status = 404, description = "No such feed (revoked or replaced).", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many calls from this client (`too_many_attempts`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/calendar-feeds/{token}.ics")]
pub async fn ics(state: web::Data<AppState>, token: web::Path<String>) -> ApiResult<HttpResponse> {
    let (settings, token) = (state.settings.clone(), token.into_inner());
    let body = state
        .run(move |conn| feed::ics(conn, &settings, &token, town_clock::today()))
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "private, max-age=300"))
        .body(body))
}
