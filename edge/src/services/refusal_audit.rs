//! Refused staff requests go to the audit log too: a signed-in staff member asking for another
//! kecamatan's record (404), an action their role may not take (403) or a stage change the life
//! cycle refuses (409). The router calls [`record`] on the one error path, so no handler can
//! forget it. Requests without a session are not rows (the sign-in service audits failed
//! sign-ins itself).

use crate::http::{ApiError, RequestContext};
use crate::services::auth;
use crate::storage::audit;
use shared::api::ErrorCode;
use worker::{Headers, Method};

/// The action name of a refused request.
pub const REFUSED: &str = "request.refused";

/// Audits `error` if it refuses a signed-in staff member's request to a staff or dinas route.
/// A failure to write the row is logged: the refusal itself still goes out.
pub async fn record(
    ctx: &RequestContext,
    headers: &Headers,
    method: &Method,
    segments: &[&str],
    error: &ApiError,
) {
    let ApiError::Code(
        code @ (ErrorCode::NotFound | ErrorCode::Forbidden | ErrorCode::TransitionRefused),
    ) = error
    else {
        return;
    };
    if !matches!(segments.first(), Some(&("staff" | "dinas"))) {
        return;
    }
    let Ok(who) = auth::principal_of(headers, ctx).await else {
        return;
    };
    // The application named in the path, so the row is found under it (and in its export).
    let application_id = match segments {
        ["staff" | "dinas", "applications", id, ..] if *id != "by-code" => Some(*id),
        _ => None,
    };
    let detail = serde_json::json!({
        "method": method.to_string(),
        "path": format!("/api/{}", segments.join("/")),
        "code": code,
    })
    .to_string();
    let written = async {
        let db = ctx.env.d1(crate::bindings::DB)?;
        let entry = audit::AuditEntry {
            at: &ctx.now,
            staff_id: Some(&who.id),
            role: who.role.as_str(),
            action: REFUSED,
            application_id,
            client: &ctx.client_key,
            request_id: &ctx.request_id,
            detail_json: Some(&detail),
        };
        audit::record(&db, vec![entry.row()]).await
    };
    if let Err(e) = written.await {
        worker::console_error!("request {}: refusal not audited: {e}", ctx.request_id);
    }
}
