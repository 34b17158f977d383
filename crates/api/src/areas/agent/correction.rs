//! "Corriger une réponse": an agent who took a request corrects one answer before
//! deciding, with a reason. The corrected answers pass the same form check as the
//! family's (and name only the household's own people and addresses); the history keeps
//! the old and the new answer, who corrected it, when and why.

use domain::ids::{AccountId, RequestId};
use domain::request::form::{Answers, PersonAnswer};
use domain::request::{AnswerCorrection, FieldKind, RequestDetail, RequestStatus};
use serde_json::Value;

use super::service::sent;
use crate::areas::catalogue::service::procedure_view;
use crate::areas::requests::household_answers;
use crate::areas::requests::service::invalid_transition;
use crate::error::{ApiError, ApiResult};

pub fn correct(
    conn: &mut db::Conn,
    agent: AccountId,
    id: RequestId,
    input: &AnswerCorrection,
) -> ApiResult<RequestDetail> {
    db::transaction(conn, |conn| {
        let row = sent(conn, id)?;
        if row.status != RequestStatus::InProgress {
            return Err(invalid_transition());
        }
        let procedure = db::catalogue::find_procedure_by_id(conn, row.procedure_id)?
            .ok_or_else(ApiError::not_found)?;
        let form = procedure_view(procedure, String::new()).form;
        let field = form
            .field(&input.field)
            .filter(|f| f.kind.answered())
            .ok_or_else(|| ApiError::field("field", "invalid_value"))?;
        if field.is_health() {
            super::health::require(conn, agent)?;
        }
        let mut answers: Answers =
            serde_json::from_str(&row.answers).map_err(ApiError::internal)?;
        let before = answers.get(&field.name).cloned().unwrap_or(Value::Null);
        match &input.value {
            Value::Null => answers.remove(&field.name),
            value => answers.insert(field.name.clone(), value.clone()),
        };
        let answers = form.asked(&answers);
        let errors = form.check(&answers, true, crate::town_clock::today());
        if !errors.is_empty() {
            return Err(ApiError::validation(errors));
        }
        household_answers::check(conn, row.household_id, &form, &answers)?;
        let person = match field.kind {
            FieldKind::Child => match answers.get(&field.name).and_then(PersonAnswer::read) {
                Some(PersonAnswer::Member(child)) => Some(child),
                _ => None,
            },
            _ => row.person_id,
        };
        let shown = |v: &Value| match field.display(v) {
            s if s.trim().is_empty() => "(sans réponse)".to_string(),
            s => s,
        };
        // A health answer stays out of the history, which every agent reads.
        let note = if field.is_health() {
            format!(
                "Correction de « {} » (information de santé). Motif : {}",
                field.label,
                input.reason.trim()
            )
        } else {
            format!(
                "Correction de « {} » : « {} » → « {} ». Motif : {}",
                field.label,
                shown(&before),
                shown(&input.value),
                input.reason.trim()
            )
        };
        let text = serde_json::to_string(&answers).map_err(ApiError::internal)?;
        let now = db::now();
        if db::requests::update_answers(conn, id, row.status, person, &text, now)? != 1 {
            return Err(invalid_transition());
        }
        db::requests::add_event(
            conn,
            id,
            Some(agent),
            Some(row.status),
            row.status,
            Some(&note),
            now,
        )?;
        let row = sent(conn, id)?;
        super::health::request_detail(conn, agent, row)
    })
}
