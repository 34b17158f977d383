//! The family's Agenda: a person's days, booking a unit for a day, cancelling, the history.

use actix_web::{delete, get, post, web, HttpResponse};
use domain::agenda::{
    Agenda, AgendaQuery, Booking, BookingEvent, BookingInput, BulkBooking, BulkReport,
};
use domain::ids::{BookingId, PersonId};
use domain::problem::Problem;

use super::rules::Moment;
use super::{bulk as grouped, history as actions, service, view};
use crate::auth_user::AuthUser;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// "Agenda de <personne>": each day of the period (42 at most) with its state, its holiday
/// and every unit open that day for the person.
#[utoipa::path(
    operation_id = "get_agenda",
    tag = "agenda",
    security(("bearer" = [])),
    params(("person_id" = PersonId, Path, description = "A person of the household."), AgendaQuery),
    responses(
        (status = 200, description = "The days, in order.", body = Agenda),
        (status = 400, description = "A date cannot be read (`invalid_query`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`to` before `from`, or more than 42 days (`invalid_period`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agenda/{person_id}")]
pub async fn agenda(
    state: web::Data<AppState>,
    user: AuthUser,
    person: web::Path<PersonId>,
    query: web::Query<AgendaQuery>,
) -> ApiResult<web::Json<Agenda>> {
    let (settings, person, query) = (
        state.settings.clone(),
        person.into_inner(),
        query.into_inner(),
    );
    Ok(web::Json(
        state
            .run(move |conn| {
                view::agenda(
                    conn,
                    &settings,
                    user.account_id,
                    person,
                    &query,
                    Moment::now(),
                )
            })
            .await?,
    ))
}

/// "Réserver" a unit for a day: booked, or on the waiting list beyond capacity (its place
/// in line given). Every rule is checked in the booking's transaction.
#[utoipa::path(
    operation_id = "book",
    tag = "agenda",
    security(("bearer" = [])),
    params(("person_id" = PersonId, Path, description = "A person of the household.")),
    request_body = BookingInput,
    responses(
        (status = 201, description = "The booking (`booked`, or `waiting` with its position).", body = Booking),
        (status = 404, description = "No such person in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A rule refuses it: `day_closed`, `day_past` (today or before), `not_enrolled`, `school_enrolment_required`, `beyond_horizon`, `booking_deadline_passed`, `already_booked`, `exclusive_unit_booked`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown activity or unit (`unknown_activity`, `unknown_unit`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agenda/{person_id}/bookings")]
pub async fn book(
    state: web::Data<AppState>,
    user: AuthUser,
    person: web::Path<PersonId>,
    body: ValidJson<BookingInput>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let (settings, person) = (state.settings.clone(), person.into_inner());
    let booking = state
        .run(move |conn| {
            service::book(
                conn,
                &settings,
                user.account_id,
                person,
                &body,
                Moment::now(),
            )
        })
        .await?;
    Ok(HttpResponse::Created().json(booking))
}

/// "Annuler": the booking is cancelled (its place goes to the first in line, whose family
/// is mailed), or the person leaves the waiting list.
#[utoipa::path(
    operation_id = "cancel_booking",
    tag = "agenda",
    security(("bearer" = [])),
    params(
        ("person_id" = PersonId, Path, description = "A person of the household."),
        ("booking_id" = BookingId, Path, description = "One of the person's live bookings."),
    ),
    responses(
        (status = 200, description = "The cancelled booking.", body = Booking),
        (status = 404, description = "No such live booking of this person in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Too late: `day_past` or `cancellation_deadline_passed`; or it changed meanwhile (`booking_changed`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/agenda/{person_id}/bookings/{booking_id}")]
pub async fn cancel(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(PersonId, BookingId)>,
) -> ApiResult<web::Json<Booking>> {
    let (person, booking) = path.into_inner();
    let settings = state.settings.clone();
    Ok(web::Json(
        state
            .run(move |conn| {
                service::cancel(
                    conn,
                    &settings,
                    user.account_id,
                    person,
                    booking,
                    Moment::now(),
                )
            })
            .await?,
    ))
}

/// "Historique des actions" for the person's days of the period (42 at most), latest
/// action first.
#[utoipa::path(
    operation_id = "get_booking_history",
    tag = "agenda",
    security(("bearer" = [])),
    params(("person_id" = PersonId, Path, description = "A person of the household."), AgendaQuery),
    responses(
        (status = 200, description = "The actions, latest first.", body = Vec<BookingEvent>),
        (status = 404, description = "No such person in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`to` before `from`, or more than 42 days (`invalid_period`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agenda/{person_id}/history")]
pub async fn history(
    state: web::Data<AppState>,
    user: AuthUser,
    person: web::Path<PersonId>,
    query: web::Query<AgendaQuery>,
) -> ApiResult<web::Json<Vec<BookingEvent>>> {
    let (settings, person, query) = (
        state.settings.clone(),
        person.into_inner(),
        query.into_inner(),
    );
    Ok(web::Json(
        state
            .run(move |conn| actions::history(conn, &settings, user.account_id, person, &query))
            .await?,
    ))
}

/// "Saisie groupée": several people, create or delete, a period, units, a periodicity and
/// weekdays. With `apply` false, the report of what would happen (nothing changes); with
/// `apply` true, done the same way, each day booked (or waiting) or cancelled, or skipped
/// with the reason a single booking would get.
#[utoipa::path(
    operation_id = "bulk_booking",
    tag = "agenda",
    security(("bearer" = [])),
    request_body = BulkBooking,
    responses(
        (status = 200, description = "The report (`applied` says whether it was done).", body = BulkReport),
        (status = 404, description = "A person is not of the household.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A period of more than 366 days or that ends before it starts (`invalid_period`), more than 5,000 days to book (`too_many_days`), an unknown activity or unit.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agenda/bulk")]
pub async fn bulk(
    state: web::Data<AppState>,
    user: AuthUser,
    body: ValidJson<BulkBooking>,
) -> ApiResult<web::Json<BulkReport>> {
    let body = body.into_inner()?;
    let settings = state.settings.clone();
    Ok(web::Json(
        state
            .run(move |conn| grouped::bulk(conn, &settings, user.account_id, &body, Moment::now()))
            .await?,
    ))
}
