//! How every case write ends: the caller's statements plus the claim guard, the audit entry
//! and the idempotency answer in one D1 batch; or, for a decision that moves the application,
//! the same statements pushed into the one [`Transition`].

use super::rules;
use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::idempotency::{self, Answer, IdempotencyKey, Prior};
use crate::services::transition::Transition;
use crate::storage::audit::{self, CommitError};
use crate::storage::{cases, transition_guard};
use shared::api::ErrorCode;
use worker::{D1Database, D1PreparedStatement};

/// The first answer when this request is a replay.
pub async fn replay(db: &D1Database, key: Option<&IdempotencyKey>) -> ApiResult<Option<Answer>> {
    Ok(match idempotency::prior(db, key).await? {
        Prior::Answered(answer) => Some(answer),
        Prior::New | Prior::Begun => None,
    })
}

/// The claim guard and activity touch that open every write's batch.
pub fn claim_statements(
    db: &D1Database,
    ctx: &RequestContext,
    who: &Principal,
    case_id: &str,
) -> ApiResult<Vec<D1PreparedStatement>> {
    let cutoff = rules::claim_cutoff(ctx);
    Ok(cases::claim_guard_and_touch(db, case_id, &who.id, &ctx.now, &cutoff)?.into())
}

/// Ends the caller's claim: put last in a decision's statements.
pub fn release_statement(
    db: &D1Database,
    who: &Principal,
    case_id: &str,
) -> ApiResult<D1PreparedStatement> {
    Ok(cases::release_statement(db, case_id, &who.id)?)
}

/// A write that moves no application: `statements` (after [`claim_statements`]), an audit
/// entry, the answer under the key, in one batch.
#[allow(clippy::too_many_arguments)]
pub async fn commit_plain(
    db: &D1Database,
    ctx: &RequestContext,
    who: &Principal,
    key: Option<&IdempotencyKey>,
    mut statements: Vec<D1PreparedStatement>,
    action: &str,
    application_id: &str,
    detail_json: &str,
    answer: Answer,
) -> ApiResult<Answer> {
    let audited = audit::AuditEntry {
        at: &ctx.now,
        staff_id: Some(&who.id),
        role: who.role.as_str(),
        action,
        application_id: Some(application_id),
        client: &ctx.client_key,
        request_id: &ctx.request_id,
        detail_json: Some(detail_json),
    }
    .row();
    if let Some(key) = key {
        statements.push(idempotency::answer_statement(db, key, &answer, &ctx.now)?);
    }
    match audit::commit(db, statements, vec![audited]).await {
        Ok(_) => Ok(answer),
        Err(CommitError::Refused(e)) => {
            idempotency::replay_after_failure(db, key, batch_error(action, &e)).await
        }
        Err(contended) => idempotency::replay_after_failure(db, key, contended.into()).await,
    }
}

/// A decision that moves the application: `statements` pushed into `t`, committed with its
/// audit entry and the answer under the key.
pub async fn commit_transition(
    mut t: Transition<'_>,
    key: Option<&IdempotencyKey>,
    statements: Vec<D1PreparedStatement>,
    action: &str,
    detail_json: &str,
    answer: Answer,
) -> ApiResult<Answer> {
    let ctx = t.ctx();
    for s in statements {
        t.push(s);
    }
    if let Some(key) = key {
        let s = idempotency::answer_statement(t.db(), key, &answer, &ctx.now)?;
        t.push(s);
    }
    let db = ctx.env.d1(bindings::DB)?;
    match t.commit(action, Some(detail_json)).await {
        Ok(()) => Ok(answer),
        Err(e) => idempotency::replay_after_failure(&db, key, e).await,
    }
}

/// A failed batch: a tripped guard (claim lapsed or taken, proposal reviewed meanwhile) or a
/// second pending proposal is a conflict; anything else is ours.
fn batch_error(action: &str, e: &worker::Error) -> ApiError {
    let text = e.to_string();
    if transition_guard::tripped(e) || text.contains("UNIQUE constraint failed") {
        ApiError::Code(ErrorCode::Conflict)
    } else {
        ApiError::Internal(format!("{action} batch: {text}"))
    }
}
