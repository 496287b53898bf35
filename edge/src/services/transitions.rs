//! Applying life-cycle transitions: the shared `transition` function decides, this module
//! persists the new stage, its timeline event and the audit entry in one D1 batch, guarded so
//! that a transition computed from a stale read is never applied.

use crate::http::{ApiError, ApiResult, RequestContext};
use crate::storage::audit;
use shared::api::ErrorCode;
use shared::lifecycle::{transition, Actor, Event, Stage};
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

/// Who acts, for the audit log.
pub struct Acting<'a> {
    pub actor: Actor,
    pub staff_id: Option<&'a str>,
    pub role: &'a str,
}

/// Decides a chain of events from `from` with the shared rules; returns each stage entered.
pub fn decide(from: Stage, actor: Actor, events: &[Event]) -> ApiResult<Vec<Stage>> {
    let mut stage = from;
    let mut stages = Vec::with_capacity(events.len());
    for &event in events {
        stage = transition(stage, actor, event)
            .map_err(|_| ApiError::Code(ErrorCode::TransitionRefused))?;
        stages.push(stage);
    }
    Ok(stages)
}

/// Which application moves, from the stage the caller read, through which stages.
#[derive(Clone, Copy)]
pub struct Change<'a> {
    pub application_id: &'a str,
    pub from: Stage,
    pub stages: &'a [Stage],
}

/// The statements that move an application from `from` through `stages`, recording one timeline
/// event per stage (with `detail_json` on the last) and an audit entry. Callers may append their
/// own statements (documents, recordings) and must run the lot with [`run`].
pub fn statements(
    db: &D1Database,
    ctx: &RequestContext,
    change: &Change<'_>,
    acting: &Acting<'_>,
    action: &str,
    detail_json: Option<&str>,
) -> ApiResult<Vec<D1PreparedStatement>> {
    let Change {
        application_id,
        from,
        stages,
    } = *change;
    let mut out = vec![db
        .prepare(
            "INSERT INTO transition_guard (never_null) SELECT NULL \
             WHERE NOT EXISTS (SELECT 1 FROM applications WHERE id = ?1 AND stage = ?2)",
        )
        .bind(&[application_id.into(), from.as_str().into()])?];
    let last = stages.last().copied().unwrap_or(from);
    out.push(
        db.prepare("UPDATE applications SET stage = ?2, updated_at = ?3 WHERE id = ?1")
            .bind(&[
                application_id.into(),
                last.as_str().into(),
                ctx.now.as_str().into(),
            ])?,
    );
    let actor_name = acting.actor.as_str();
    for (i, stage) in stages.iter().enumerate() {
        let detail = if i + 1 == stages.len() {
            detail_json.map(JsValue::from).unwrap_or(JsValue::NULL)
        } else {
            JsValue::NULL
        };
        out.push(
            db.prepare(
                "INSERT INTO application_events (application_id, stage, actor, detail_json, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .bind(&[application_id.into(), stage.as_str().into(), actor_name.into(), detail, ctx.now.as_str().into()])?,
        );
    }
    out.push(audit::insert(
        db,
        &audit::AuditEntry {
            at: &ctx.now,
            staff_id: acting.staff_id,
            role: acting.role,
            action,
            application_id: Some(application_id),
            client: &ctx.client_key,
            request_id: &ctx.request_id,
            detail_json,
        },
    )?);
    Ok(out)
}

/// Runs a transition batch. A stale read (someone else moved the application first) is a 409.
pub async fn run(db: &D1Database, batch: Vec<D1PreparedStatement>) -> ApiResult<()> {
    match db.batch(batch).await {
        Ok(_) => Ok(()),
        Err(e) if e.to_string().contains("transition_guard") => {
            Err(ApiError::Code(ErrorCode::Conflict))
        }
        Err(e) => Err(ApiError::Internal(format!("transition batch: {e}"))),
    }
}
