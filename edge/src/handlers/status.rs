//! `GET /api/status/{code}`: the public status of an application — stage and dates only.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::rate_limit;
use crate::storage::applications;
use shared::api::{ErrorCode, StatusView, TimelineEntry};
use shared::domain::RegistrationCode;
use shared::lifecycle::{ReturnReason, Stage};
use worker::Response;

/// Lookups per client per minute: plenty for a person, useless for guessing 60-bit codes.
const LOOKUPS_PER_MINUTE: u32 = 30;

pub async fn get(code: &str, ctx: &RequestContext) -> ApiResult<Response> {
    rate_limit::spend(ctx, "status", LOOKUPS_PER_MINUTE, 60).await?;
    let code = RegistrationCode::parse(code)
        .map_err(|_| ApiError::Code(ErrorCode::InvalidRegistrationCode))?;
    let db = ctx.env.d1(bindings::DB)?;
    let app = applications::find_by_code(&db, &code.compact())
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let events = applications::events(&db, &app.id).await?;
    let stage = parse_stage(&app.stage)?;
    let mut timeline = Vec::with_capacity(events.len());
    let mut returned_reasons: Vec<ReturnReason> = Vec::new();
    for e in &events {
        let s = parse_stage(&e.stage)?;
        if s == Stage::Returned {
            returned_reasons = e
                .detail_json
                .as_deref()
                .and_then(|d| serde_json::from_str::<ReturnDetail>(d).ok())
                .map(|d| d.reasons)
                .unwrap_or_default();
        }
        // Dates only: the time of day adds nothing for the resident and narrows who was where.
        timeline.push(TimelineEntry {
            stage: s,
            at: e.at.chars().take(10).collect(),
        });
    }
    let view = StatusView::new(stage, timeline, returned_reasons);
    let mut resp = Response::from_json(&view)?;
    resp.headers_mut().set("Cache-Control", "no-store")?;
    Ok(resp)
}

#[derive(serde::Deserialize)]
struct ReturnDetail {
    reasons: Vec<ReturnReason>,
}

fn parse_stage(s: &str) -> ApiResult<Stage> {
    Stage::parse(s).ok_or_else(|| ApiError::Internal(format!("unknown stored stage {s:?}")))
}
