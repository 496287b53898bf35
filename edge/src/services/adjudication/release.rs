//! Releasing a case's claim: the holder gives it up, or a supervisor frees a case someone left
//! holding. Audited; answered idempotently like every write.

use super::rules;
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{self, Answer, IdempotencyKey};
use crate::storage::{audit, cases};
use shared::api::ErrorCode;
use shared::auth::StaffRole;

#[derive(serde::Serialize)]
struct Released<'a> {
    case_id: &'a str,
    released: bool,
}

pub async fn release(
    ctx: &RequestContext,
    who: &Principal,
    case_id: &str,
    key: Option<&IdempotencyKey>,
) -> ApiResult<Answer> {
    rules::dinas(who)?;
    let db = ctx.env.d1(bindings::DB)?;
    if let Some(answer) = super::write::replay(&db, key).await? {
        return Ok(answer);
    }
    let case = rules::case(&db, case_id).await?;
    let supervisor = who.role == StaffRole::DinasSupervisor;
    match case.holder_id.as_deref() {
        None => {}
        Some(holder) if holder == who.id || supervisor => {}
        Some(_) => return Err(ApiError::Code(ErrorCode::CaseHeld)),
    }
    let released = cases::release(&db, case_id, &who.id, supervisor).await?;
    let answer = Answer::ok(&Released { case_id, released })?;
    let detail = serde_json::json!({ "case_id": case_id, "holder": case.holder_id }).to_string();
    let audited = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action: "case.release",
        application_id: None,
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(&detail),
    }
    .row();
    let mut statements = Vec::new();
    if let Some(key) = key.filter(|_| released) {
        statements.push(idempotency::answer_statement(&db, key, &answer, &ctx.now)?);
    }
    audit::commit(&db, statements, vec![audited]).await?;
    Ok(answer)
}
