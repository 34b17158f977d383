use actix_web::{get, post, web, HttpResponse};
use domain::ids::{HouseholdId, PersonId, RequestId};
use domain::problem::Problem;
use domain::profile::{Profile, SchoolEnrolment, SchoolEnrolmentInput};
use domain::request::{
    Acceptance, AgentNote, AnswerCorrection, RequestDetail, RequestFilter, RequestPage,
};

use super::service;
use crate::auth_user::AuthAgent;
use crate::error::ApiResult;
use crate::extract::ValidJson;
use crate::state::AppState;

/// The request inbox: every request sent by citizens (not drafts), filtered and paged.
#[utoipa::path(
    operation_id = "agent_list_requests",
    tag = "agent",
    security(("bearer" = [])),
    params(RequestFilter),
    responses(
        (status = 200, description = "One page of requests, latest number first.", body = RequestPage),
        (status = 400, description = "A filter cannot be read (`invalid_query`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid filter values.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/requests")]
pub async fn inbox(
    state: web::Data<AppState>,
    _agent: AuthAgent,
    filter: web::Query<RequestFilter>,
) -> ApiResult<web::Json<RequestPage>> {
    let filter = filter.into_inner();
    Ok(web::Json(
        state.run(move |conn| service::inbox(conn, &filter)).await?,
    ))
}

/// One request with its answers and history. Health answers (RGPD art. 9) only with the
/// health permission, each reading logged; otherwise they are left out and `withheld`
/// names them.
#[utoipa::path(
    operation_id = "agent_get_request",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    responses(
        (status = 200, description = "The request.", body = RequestDetail),
        (status = 404, description = "No such request (drafts are private).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/requests/{id}")]
pub async fn detail(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<RequestId>,
) -> ApiResult<web::Json<RequestDetail>> {
    let (id, agent) = (id.into_inner(), agent.0.account_id);
    Ok(web::Json(
        state
            .run(move |conn| service::detail(conn, agent, id))
            .await?,
    ))
}

/// "Prendre en charge": Enregistrée -> En traitement.
#[utoipa::path(
    operation_id = "agent_take_request",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    responses(
        (status = 200, description = "The request, En traitement.", body = RequestDetail),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not Enregistrée (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/requests/{id}/take")]
pub async fn take(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<RequestId>,
) -> ApiResult<web::Json<RequestDetail>> {
    let (id, settings, agent) = (id.into_inner(), state.settings.clone(), agent.0.account_id);
    let request = state
        .run(move |conn| service::take(conn, &settings, agent, id))
        .await?;
    Ok(web::Json(request))
}

/// Adds a comment to the history; the citizen is told by e-mail.
#[utoipa::path(
    operation_id = "agent_comment_request",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    request_body = AgentNote,
    responses(
        (status = 200, description = "The request.", body = RequestDetail),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty or too long comment.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/requests/{id}/comments")]
pub async fn comment(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<RequestId>,
    body: ValidJson<AgentNote>,
) -> ApiResult<web::Json<RequestDetail>> {
    let body = body.into_inner()?;
    let (id, settings, agent) = (id.into_inner(), state.settings.clone(), agent.0.account_id);
    let request = state
        .run(move |conn| service::comment(conn, &settings, agent, id, &body.text))
        .await?;
    Ok(web::Json(request))
}

/// Corrects one answer of a request the agent took, with a reason kept in its history.
/// The corrected answers pass the form's check, as the family's did.
#[utoipa::path(
    operation_id = "agent_correct_answer",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    request_body = AnswerCorrection,
    responses(
        (status = 200, description = "The request with the corrected answer; its history says what changed and why.", body = RequestDetail),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not En traitement (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown field, a wrong answer (`answers.<field>`), an empty reason.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/requests/{id}/corrections")]
pub async fn correct(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<RequestId>,
    body: ValidJson<AnswerCorrection>,
) -> ApiResult<web::Json<RequestDetail>> {
    let body = body.into_inner()?;
    let (id, agent) = (id.into_inner(), agent.0.account_id);
    let request = state
        .run(move |conn| super::correction::correct(conn, agent, id, &body))
        .await?;
    Ok(web::Json(request))
}

/// Accepts the request (Clos). A personal data update is applied to the person.
#[utoipa::path(
    operation_id = "agent_accept_request",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    request_body = Acceptance,
    responses(
        (status = 200, description = "The request, Clos.", body = RequestDetail),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not En traitement (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/requests/{id}/accept")]
pub async fn accept(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<RequestId>,
    body: ValidJson<Acceptance>,
) -> ApiResult<web::Json<RequestDetail>> {
    let body = body.into_inner()?;
    let (id, settings, agent) = (id.into_inner(), state.settings.clone(), agent.0.account_id);
    let request = state
        .run(move |conn| service::accept(conn, &settings, agent, id, body.comment.as_deref()))
        .await?;
    Ok(web::Json(request))
}

/// Refuses the request (Refusée) with the reason the citizen reads.
#[utoipa::path(
    operation_id = "agent_refuse_request",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = RequestId, Path, description = "Request id.")),
    request_body = AgentNote,
    responses(
        (status = 200, description = "The request, Refusée.", body = RequestDetail),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not En traitement (`invalid_transition`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing reason.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/requests/{id}/refuse")]
pub async fn refuse(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<RequestId>,
    body: ValidJson<AgentNote>,
) -> ApiResult<web::Json<RequestDetail>> {
    let body = body.into_inner()?;
    let (id, settings, agent) = (id.into_inner(), state.settings.clone(), agent.0.account_id);
    let request = state
        .run(move |conn| service::refuse(conn, &settings, agent, id, &body.text))
        .await?;
    Ok(web::Json(request))
}

/// A household, read-only: members, civil and social data, contacts, addresses, the
/// children's records. Their health information only with the health permission (each
/// reading logged); otherwise `health` is empty and `health_withheld` says there is some.
#[utoipa::path(
    operation_id = "agent_get_household",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = HouseholdId, Path, description = "Household id (from a request).")),
    responses(
        (status = 200, description = "The household's profile.", body = Profile),
        (status = 404, description = "No such household.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/agent/households/{id}")]
pub async fn household(
    state: web::Data<AppState>,
    agent: AuthAgent,
    id: web::Path<HouseholdId>,
) -> ApiResult<web::Json<Profile>> {
    let (id, settings, agent) = (id.into_inner(), state.settings.clone(), agent.0.account_id);
    Ok(web::Json(
        state
            .run(move |conn| super::health::household(conn, &settings, agent, id))
            .await?,
    ))
}

/// Records a child's school enrolment (school year, establishment, level, class).
#[utoipa::path(
    operation_id = "agent_add_school_enrolment",
    tag = "agent",
    security(("bearer" = [])),
    params(("id" = PersonId, Path, description = "Person id of the child.")),
    request_body = SchoolEnrolmentInput,
    responses(
        (status = 201, description = "The enrolment.", body = SchoolEnrolment),
        (status = 404, description = "No such person.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`invalid_school_year`...).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/agent/persons/{id}/enrolments")]
pub async fn add_enrolment(
    state: web::Data<AppState>,
    _agent: AuthAgent,
    id: web::Path<PersonId>,
    body: ValidJson<SchoolEnrolmentInput>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let id = id.into_inner();
    let enrolment = state
        .run(move |conn| service::add_enrolment(conn, id, &body))
        .await?;
    Ok(HttpResponse::Created().json(enrolment))
}
