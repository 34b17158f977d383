use actix_web::{delete, get, post, put, web, HttpResponse};
use domain::auth::Accepted;
use domain::ids::{AddressId, EnrolmentId};
use domain::problem::Problem;
use domain::profile::{
    Address, AddressInput, Contacts, ContactsInput, EmailChangeRequest, Profile,
};

use super::service;
use crate::auth_user::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::ValidJson;
use crate::state::AppState;

/// Every card of "Mon profil" for the signed-in account holder.
#[utoipa::path(
    operation_id = "get_profile",
    tag = "profile",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The profile.", body = Profile),
    )
)]
#[get("/me/profile")]
pub async fn profile(state: web::Data<AppState>, user: AuthUser) -> ApiResult<web::Json<Profile>> {
    let settings = state.settings.clone();
    let profile = state
        .run(move |conn| service::profile(conn, settings.commune.activities(), user.account_id))
        .await?;
    Ok(web::Json(profile))
}

/// "Mes informations de contact": replaces the phone numbers (empty clears one).
#[utoipa::path(
    operation_id = "update_contacts",
    tag = "profile",
    security(("bearer" = [])),
    request_body = ContactsInput,
    responses(
        (status = 200, description = "The numbers as stored (normalised).", body = Contacts),
        (status = 422, description = "A number is not a phone number (`invalid_phone`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/me/contacts")]
pub async fn update_contacts(
    state: web::Data<AppState>,
    user: AuthUser,
    body: ValidJson<ContactsInput>,
) -> ApiResult<web::Json<Contacts>> {
    let body = body.into_inner()?;
    let contacts = state
        .run(move |conn| service::update_contacts(conn, user.account_id, &body))
        .await?;
    Ok(web::Json(contacts))
}

/// "Ajouter une adresse". The first address becomes the default one.
#[utoipa::path(
    operation_id = "add_address",
    tag = "profile",
    security(("bearer" = [])),
    request_body = AddressInput,
    responses(
        (status = 201, description = "The new address.", body = Address),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/addresses")]
pub async fn add_address(
    state: web::Data<AppState>,
    user: AuthUser,
    body: ValidJson<AddressInput>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let address = state
        .run(move |conn| service::save_address(conn, user.account_id, None, &body))
        .await?;
    Ok(HttpResponse::Created().json(address))
}

/// Changes one of the person's addresses.
#[utoipa::path(
    operation_id = "update_address",
    tag = "profile",
    security(("bearer" = [])),
    params(("id" = AddressId, Path, description = "Address id.")),
    request_body = AddressInput,
    responses(
        (status = 200, description = "The address.", body = Address),
        (status = 404, description = "Not one of the person's addresses.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/me/addresses/{id}")]
pub async fn update_address(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<AddressId>,
    body: ValidJson<AddressInput>,
) -> ApiResult<web::Json<Address>> {
    let body = body.into_inner()?;
    let id = id.into_inner();
    let address = state
        .run(move |conn| service::save_address(conn, user.account_id, Some(id), &body))
        .await?;
    Ok(web::Json(address))
}

/// Deletes one of the person's addresses; another one becomes the default if needed.
#[utoipa::path(
    operation_id = "delete_address",
    tag = "profile",
    security(("bearer" = [])),
    params(("id" = AddressId, Path, description = "Address id.")),
    responses(
        (status = 204, description = "Deleted."),
        (status = 404, description = "Not one of the person's addresses.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/addresses/{id}")]
pub async fn delete_address(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<AddressId>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .run(move |conn| service::delete_address(conn, user.account_id, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A PDF file, as OpenAPI spells binary content.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct PdfDocument(Vec<u8>);

/// "Télécharger le certificat d'inscription" of a child of the household (PDF).
#[utoipa::path(
    operation_id = "download_school_certificate",
    tag = "profile",
    security(("bearer" = [])),
    params(("id" = EnrolmentId, Path, description = "School enrolment id (from `schooled_children`).")),
    responses(
        (status = 200, description = "The certificate.", content_type = "application/pdf", body = PdfDocument),
        (status = 404, description = "Not an enrolment of the household's children.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/enrolments/{id}/certificate")]
pub async fn school_certificate(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<EnrolmentId>,
) -> ApiResult<HttpResponse> {
    let (id, settings) = (id.into_inner(), state.settings.clone());
    let printable = state
        .run(move |conn| {
            super::certificate::school_certificate(conn, &settings, user.account_id, id)
        })
        .await?;
    let file = printable.file.clone();
    let pdf = web::block(move || printable.render())
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{file}\""),
        ))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(PdfDocument(pdf).0))
}

/// Asks to use another e-mail address: a confirmation link is sent to it.
#[utoipa::path(
    operation_id = "request_email_change",
    tag = "profile",
    security(("bearer" = [])),
    request_body = EmailChangeRequest,
    responses(
        (status = 202, description = "The link was sent; the current address stays until it is used.", body = Accepted),
        (status = 422, description = "Invalid address, same address (`same_email`) or wrong password (`wrong_password`).", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong current passwords (`too_many_attempts`); see `Retry-After`.", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/email")]
pub async fn change_email(
    state: web::Data<AppState>,
    user: AuthUser,
    body: ValidJson<EmailChangeRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner()?;
    let account = crate::areas::auth::checks::current_password(
        &state,
        user.account_id,
        body.current_password.clone(),
    )
    .await?;
    let settings = state.settings.clone();
    let accepted = state
        .run(move |conn| super::email::request(conn, &settings, &account, &body))
        .await?;
    Ok(HttpResponse::Accepted().json(accepted))
}

/// Confirms a new e-mail address from the link sent to it (no login needed).
#[utoipa::path(
    operation_id = "confirm_email_change",
    tag = "profile",
    params(("token" = String, Path, description = "Token from the confirmation link.")),
    responses(
        (status = 200, description = "The account now uses the new address.", body = Accepted),
        (status = 404, description = "Unknown or used link (`link_invalid`).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The address got an account meanwhile (`email_taken`).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Expired link (`link_expired`).", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/email-confirmations/{token}")]
pub async fn confirm_email(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<web::Json<Accepted>> {
    let (token, settings) = (token.into_inner(), state.settings.clone());
    let accepted = state
        .run(move |conn| super::email::confirm(conn, &settings, &token))
        .await?;
    Ok(web::Json(accepted))
}
