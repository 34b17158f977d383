//! The documents of one request: what it needs and where each stands, for the family and
//! for agents; and "Demande de justificatifs", an agent asking for one more.

use chrono::{NaiveDate, NaiveDateTime};
use domain::document::{DocumentAsk, DocumentConcern, RequiredDocument};
use domain::ids::{AccountId, RequestId};
use domain::message::MessageSender;
use domain::profile::MemberRole;
use domain::request::RequestStatus;

use super::requirements;
use super::views;
use crate::areas::agent::service::sent;
use crate::areas::profile::service::holder;
use crate::config::Settings;
use crate::error::{ApiError, ApiResult};
use crate::mail::{self, templates};

/// The family's own request.
pub fn of_own_request(
    conn: &mut db::Conn,
    settings: &Settings,
    account: AccountId,
    id: RequestId,
    today: NaiveDate,
) -> ApiResult<Vec<RequiredDocument>> {
    let (_, household) = holder(conn, account)?;
    let request = db::requests::find(conn, id)?
        .filter(|r| r.household_id == household)
        .ok_or_else(ApiError::not_found)?;
    requirements::of_request(conn, settings, &request, today)
}

/// Any sent request, for agents.
pub fn of_request(
    conn: &mut db::Conn,
    settings: &Settings,
    id: RequestId,
    today: NaiveDate,
) -> ApiResult<Vec<RequiredDocument>> {
    let request = sent(conn, id)?;
    requirements::of_request(conn, settings, &request, today)
}

/// "Demande de justificatifs": the request needs one more document; the family gets the
/// manuals' message on it, and a mail with the link.
#[allow(clippy::too_many_arguments)]
pub fn ask(
    conn: &mut db::Conn,
    settings: &Settings,
    agent: AccountId,
    id: RequestId,
    asked: &DocumentAsk,
    today: NaiveDate,
    now: NaiveDateTime,
) -> ApiResult<Vec<RequiredDocument>> {
    db::transaction(conn, |conn| {
        let request = sent(conn, id)?;
        // Only an open request can still need something.
        if !matches!(
            request.status,
            RequestStatus::Submitted | RequestStatus::InProgress
        ) {
            return Err(crate::areas::requests::service::invalid_transition());
        }
        let kind = views::document_type(settings, &asked.document_type)
            .ok_or_else(|| ApiError::field("document_type", "unknown_document_type"))?
            .clone();
        let members = db::households::members(conn, request.household_id)?;
        let role = |p| members.iter().find(|m| m.person_id == p).map(|m| m.role);
        let person = match (kind.concern, asked.person_id) {
            (DocumentConcern::Household, None) => None,
            (DocumentConcern::Household, Some(_)) => {
                return Err(ApiError::field("person_id", "not_expected"))
            }
            (DocumentConcern::Child, None) => Some(
                request
                    .person_id
                    .ok_or_else(|| ApiError::field("person_id", "required"))?,
            ),
            (DocumentConcern::Adult, None) => {
                db::households::holder_of(conn, request.household_id)?
            }
            (concern, Some(p)) => match (concern, role(p)) {
                (_, None) => return Err(ApiError::field("person_id", "not_a_member")),
                (DocumentConcern::Child, Some(MemberRole::Child)) => Some(p),
                (DocumentConcern::Child, Some(_)) => {
                    return Err(ApiError::field("person_id", "not_a_child"))
                }
                (_, Some(MemberRole::Child)) => {
                    return Err(ApiError::field("person_id", "not_an_adult"))
                }
                (_, Some(_)) => Some(p),
            },
        };
        let needed = requirements::of_request(conn, settings, &request, today)?;
        if needed
            .iter()
            .any(|l| l.document_type == kind.slug && l.person_id == person)
        {
            return Err(ApiError::field("document_type", "already_required"));
        }
        db::documents::ask(conn, request.id, &kind.slug, person, agent, now)?;
        let names = views::Names::of(conn, request.household_id)?;
        let what = format!("{} de {}", kind.name, names.get(person));
        db::messages::insert(
            conn,
            request.id,
            MessageSender::TownHall,
            Some(agent),
            "Demande de justificatifs",
            &format!("La mairie a besoin du justificatif suivant pour votre demande n° {} : « {what} ».\n\nVous pouvez le déposer dans « Mes justificatifs à fournir ».", request.number),
            now,
        )?;
        let family =
            db::accounts::find(conn, request.account_id)?.ok_or_else(ApiError::not_found)?;
        mail::queue(conn, &templates::new_message(settings, &family.email))?;
        requirements::of_request(conn, settings, &request, today)
    })
}
