//! The agents' Agenda: the day's units, a unit's list (printable), attendance, and
//! bookings made or cancelled for a family.

use actix_web::{get, post, put, web, HttpResponse};
use domain::agenda::{
    AgentBookingInput, AgentCancellation, AttendanceInput, AttendanceRecord, Booking, Roster,
    RosterQuery, UnitDaySummary,
};
use domain::ids::{BookingId, HouseholdId, PersonId};
use domain::problem::Problem;

use super::rules::Moment;
use super::{attendance, on_behalf, roster};
use crate::auth_user::AuthAgent;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// The day's units: whether each opens (or why not), places booked of its capacity, the
/// waiting list, attendances recorded.
#[utoipa::path(
    operation_id = "agent_agenda_day",
    tag = "agent",
    security(("bearer" = [])),
    params(RosterQuery),
    responses(
        (status = 200, description = "Every unit of the commune, in the order of the activities.", body = Vec<UnitDaySummary>),
        (status = 400, description = "The day cannot be read (`invalid_query`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A day more than two years away (`invalid_date`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/agenda")]
pub async fn agenda_day(
    state: web::Data<AppState>,
    _agent: AuthAgent,
    query: web::Query<RosterQuery>,
) -> ApiResult<web::Json<Vec<UnitDaySummary>>> {
    let (settings, day) = (state.settings.clone(), query.into_inner().day);
    Ok(web::Json(
        state
            .run(move |conn| roster::day(conn, &settings, day))
            .await?,
    ))
}

/// A unit's list for the day: the booked children by name and the waiting list in order,
/// each with the persons authorised to pick them up and the attendance recorded. The PAI
/// flag and whether health information exists (RGPD art. 9) only for agents with the
/// health permission, each household shown logged; `health_withheld` otherwise.
#[utoipa::path(
    operation_id = "agent_unit_day_list",
    tag = "agent",
    security(("bearer" = [])),
    params(
        ("activity" = String, Path, description = "The activity's code, `restauration-scolaire`."),
        ("unit" = String, Path, description = "The unit's code, `repas`."),
        RosterQuery,
    ),
    responses(
        (status = 200, description = "The list.", body = Roster),
        (status = 400, description = "The day cannot be read (`invalid_query`).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such activity or unit.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A day more than two years away (`invalid_date`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/agenda/{activity}/{unit}")]
pub async fn unit_day(
    state: web::Data<AppState>,
    agent: AuthAgent,
    path: web::Path<(String, String)>,
    query: web::Query<RosterQuery>,
) -> ApiResult<web::Json<Roster>> {
    let (activity, unit) = path.into_inner();
    let (settings, day) = (state.settings.clone(), query.into_inner().day);
    let agent = agent.0.account_id;
    Ok(web::Json(
        state
            .run(move |conn| roster::unit_day(conn, &settings, agent, &activity, &unit, day))
            .await?,
    ))
}

/// "Pointer": records (or corrects) a booked child's attendance, on the day or after.
#[utoipa::path(
    operation_id = "record_attendance",
    tag = "agent",
    security(("bearer" = [])),
    params(("booking_id" = BookingId, Path, description = "A booking.")),
    request_body = AttendanceInput,
    responses(
        (status = 200, description = "The attendance recorded.", body = AttendanceRecord),
        (status = 404, description = "No such booking.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a booked child (`not_booked`: waiting or cancelled), or a day to come (`attendance_too_early`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unjustified absence without its reason (`reason`: `required`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/agent/bookings/{booking_id}/attendance")]
pub async fn record_attendance(
    state: web::Data<AppState>,
    agent: AuthAgent,
    booking: web::Path<BookingId>,
    body: ValidJson<AttendanceInput>,
) -> ApiResult<web::Json<AttendanceRecord>> {
    let body = body.into_inner()?;
    let (agent, booking) = (agent.0.account_id, booking.into_inner());
    Ok(web::Json(
        state
            .run(move |conn| {
                attendance::record(conn, agent, booking, &body, crate::town_clock::today())
            })
            .await?,
    ))
}

/// Books a unit for a person of the household, for the family. Without a reason, the
/// family's rules; with one, the deadlines (today, a past day, the booking deadline, the
/// horizon) are lifted, and the family's history shows the agent and the reason. Beyond
/// capacity a coming day waits in line; a child booked for today or a past day (there
/// already) is booked.
#[utoipa::path(
    operation_id = "agent_book",
    tag = "agent",
    security(("bearer" = [])),
    params(
        ("household_id" = HouseholdId, Path, description = "The household."),
        ("person_id" = PersonId, Path, description = "A person of the household."),
    ),
    request_body = AgentBookingInput,
    responses(
        (status = 201, description = "The booking (`booked`, or `waiting` with its position).", body = Booking),
        (status = 404, description = "No such person in the household.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A rule refuses it: `day_closed`, `not_enrolled`, `school_enrolment_required`, `already_booked`, `exclusive_unit_booked`; without a reason also `day_past`, `beyond_horizon`, `booking_deadline_passed`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown activity or unit, a day more than two years away (`invalid_date`), an empty reason.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/households/{household_id}/persons/{person_id}/bookings")]
pub async fn book(
    state: web::Data<AppState>,
    agent: AuthAgent,
    path: web::Path<(HouseholdId, PersonId)>,
    body: ValidJson<AgentBookingInput>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let (household, person) = path.into_inner();
    let (settings, agent) = (state.settings.clone(), agent.0.account_id);
    let booking = state
        .run(move |conn| {
            on_behalf::book(
                conn,
                &settings,
                agent,
                household,
                person,
                &body,
                Moment::now(),
            )
        })
        .await?;
    Ok(HttpResponse::Created().json(booking))
}

/// Cancels a booking for the family (or takes it off the waiting list); a reason lifts the
/// cancellation deadline. The freed place of a coming day goes to the first in line.
#[utoipa::path(
    operation_id = "agent_cancel_booking",
    tag = "agent",
    security(("bearer" = [])),
    params(("booking_id" = BookingId, Path, description = "A live booking.")),
    request_body = AgentCancellation,
    responses(
        (status = 200, description = "The cancelled booking.", body = Booking),
        (status = 404, description = "No such live booking.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Without a reason: `day_past`, `cancellation_deadline_passed`. Always: `attendance_recorded`, `booking_changed`.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/bookings/{booking_id}/cancel")]
pub async fn cancel(
    state: web::Data<AppState>,
    agent: AuthAgent,
    booking: web::Path<BookingId>,
    body: ValidJson<AgentCancellation>,
) -> ApiResult<web::Json<Booking>> {
    let body = body.into_inner()?;
    let (settings, agent, booking) = (
        state.settings.clone(),
        agent.0.account_id,
        booking.into_inner(),
    );
    Ok(web::Json(
        state
            .run(move |conn| {
                on_behalf::cancel(conn, &settings, agent, booking, &body, Moment::now())
            })
            .await?,
    ))
}
