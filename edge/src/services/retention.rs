//! Retention of biometric data held outside the gallery, run by the daily cron trigger
//! (`edge/wrangler.toml`). Templates of a recording held for an adjudication case stay in the
//! coordinator while the case is open and for [`HELD_TEMPLATES_DAYS_AFTER_DECISION`] days after
//! the decision (for a review of it); then the coordinator lets them go, unless a "not a
//! duplicate" approval still owes their enrolment. Each sweep is audited.

use crate::bindings;
use crate::http::RequestContext;
use crate::matching::coordinator;
use crate::storage::{audit, held_releases};
use worker::{Env, Result};

/// How long a decided case's held templates are kept (ARCHITECTURE.md, "Retention").
pub const HELD_TEMPLATES_DAYS_AFTER_DECISION: u32 = 30;
/// Recordings released per sweep; a backlog drains over the following days.
const SWEEP_LIMIT: u32 = 500;

/// Releases the held templates that are due; returns how many.
pub async fn sweep(env: &Env) -> Result<usize> {
    let ctx = RequestContext::for_queue(env.clone());
    let db = env.d1(bindings::DB)?;
    let due = held_releases::due(
        &db,
        &ctx.now,
        HELD_TEMPLATES_DAYS_AFTER_DECISION,
        SWEEP_LIMIT,
    )
    .await?;
    if due.is_empty() {
        return Ok(0);
    }
    coordinator::release_held(env, &due).await?;
    let detail = serde_json::json!({ "released_reference_ids": due.len() }).to_string();
    let entry = audit::AuditEntry {
        at: &ctx.now,
        staff_id: None,
        role: "retention",
        action: "retention.held_templates_released",
        application_id: None,
        client: "cron",
        request_id: &ctx.request_id,
        detail_json: Some(&detail),
    };
    audit::commit(
        &db,
        vec![held_releases::record(&db, &due, &ctx.now)?],
        vec![entry.row()],
    )
    .await?;
    Ok(due.len())
}
