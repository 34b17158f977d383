//! The agents' area: the request inbox and its workflow, households (read-only) and,
//! for admins, staff accounts.

use domain::ids::{AccountId, HouseholdId, PersonId, RequestId};
use domain::profile::{Profile, SchoolEnrolment, SchoolEnrolmentInput};
use domain::request::{
    Acceptance, AgentNote, AnswerCorrection, RequestDetail, RequestFilter, RequestPage,
};
use domain::staff::{HealthAccess, NewStaff, StaffCreated, StaffMember};

use super::client::{query_string, ApiResult, Authed};

/// The filters that are set, as query pairs (for the API and for the page's address).
pub fn pairs(filter: &RequestFilter) -> Vec<(&'static str, String)> {
    [
        ("status", filter.status.map(|s| s.as_str().to_string())),
        ("procedure", filter.procedure.clone()),
        ("from", filter.from.map(|d| d.to_string())),
        ("to", filter.to.map(|d| d.to_string())),
        ("person", filter.person.clone()),
        ("page", filter.page.map(|p| p.to_string())),
        ("per_page", filter.per_page.map(|p| p.to_string())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k, v)))
    .collect()
}

pub fn query(filter: &RequestFilter) -> String {
    query_string(&pairs(filter))
}

pub async fn inbox(authed: &Authed, filter: &RequestFilter) -> ApiResult<RequestPage> {
    authed
        .get(&format!("/agent/requests?{}", query(filter)))
        .await
}

pub async fn request(authed: &Authed, id: RequestId) -> ApiResult<RequestDetail> {
    authed.get(&format!("/agent/requests/{id}")).await
}

/// "Prendre en charge": Enregistrée -> En traitement.
pub async fn take(authed: &Authed, id: RequestId) -> ApiResult<RequestDetail> {
    authed
        .post_empty(&format!("/agent/requests/{id}/take"))
        .await
}

pub async fn comment(authed: &Authed, id: RequestId, note: &AgentNote) -> ApiResult<RequestDetail> {
    authed
        .post(&format!("/agent/requests/{id}/comments"), note)
        .await
}

/// Corrects one answer, with a reason (En traitement only).
pub async fn correct(
    authed: &Authed,
    id: RequestId,
    correction: &AnswerCorrection,
) -> ApiResult<RequestDetail> {
    authed
        .post(&format!("/agent/requests/{id}/corrections"), correction)
        .await
}

/// En traitement -> Clos.
pub async fn accept(
    authed: &Authed,
    id: RequestId,
    acceptance: &Acceptance,
) -> ApiResult<RequestDetail> {
    authed
        .post(&format!("/agent/requests/{id}/accept"), acceptance)
        .await
}

/// En traitement -> Refusée, with the reason.
pub async fn refuse(
    authed: &Authed,
    id: RequestId,
    reason: &AgentNote,
) -> ApiResult<RequestDetail> {
    authed
        .post(&format!("/agent/requests/{id}/refuse"), reason)
        .await
}

pub async fn household(authed: &Authed, id: HouseholdId) -> ApiResult<Profile> {
    authed.get(&format!("/agent/households/{id}")).await
}

/// Records a school enrolment of a child (a person of a household).
pub async fn add_enrolment(
    authed: &Authed,
    person_id: PersonId,
    input: &SchoolEnrolmentInput,
) -> ApiResult<SchoolEnrolment> {
    authed
        .post(&format!("/agent/persons/{person_id}/enrolments"), input)
        .await
}

/// Admins only.
pub async fn create_staff(authed: &Authed, staff: &NewStaff) -> ApiResult<StaffCreated> {
    authed.post("/admin/staff", staff).await
}

/// Admins only: the staff accounts, by name.
pub async fn staff(authed: &Authed) -> ApiResult<Vec<StaffMember>> {
    authed.get("/admin/staff").await
}

/// Admins only: disables (`active = false`) or re-enables a staff account.
pub async fn set_staff_active(
    authed: &Authed,
    id: AccountId,
    active: bool,
) -> ApiResult<StaffMember> {
    let action = if active { "enable" } else { "disable" };
    authed
        .post_empty(&format!("/admin/staff/{id}/{action}"))
        .await
}

/// Admins only: grants (`granted`) or withdraws the health permission.
pub async fn set_health_permission(
    authed: &Authed,
    id: AccountId,
    granted: bool,
) -> ApiResult<StaffMember> {
    let path = format!("/admin/staff/{id}/permissions/health");
    if granted {
        authed.put_empty(&path).await
    } else {
        authed.delete_json(&path).await
    }
}

/// Admins only: "Journal des accès aux données de santé", newest first.
pub async fn health_accesses(authed: &Authed) -> ApiResult<Vec<HealthAccess>> {
    authed.get("/admin/health-accesses").await
}
