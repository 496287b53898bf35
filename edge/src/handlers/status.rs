//! `GET /api/status/{code}`: the public status of an application — stage and dates only (and
//! a certificate's dates and validity, never who holds it).

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::certificates;
use crate::services::distribution;
use crate::services::rate_limit;
use crate::services::timeline;
use crate::storage::applications;
use shared::api::{ErrorCode, StatusView};
use shared::domain::RegistrationCode;
use worker::Response;

/// Lookups per client per minute: plenty for a person, useless for guessing 60-bit codes.
const LOOKUPS_PER_MINUTE: u32 = 30;

pub async fn get(code: &str, ctx: &RequestContext) -> ApiResult<Response> {
    rate_limit::spend(ctx, "status", LOOKUPS_PER_MINUTE, 60).await?;
    let code = RegistrationCode::parse(code)
        .map_err(|_| ApiError::Code(ErrorCode::InvalidRegistrationCode))?;
    let db = ctx.env.d1(bindings::DB)?;
    let app = applications::find_by_code(&db, &code)
        .await?
        .ok_or(ApiError::NOT_FOUND)?;
    let events = applications::events(&db, &app.id).await?;
    let (timeline, returned_reasons) = timeline::from_events(&events, true);
    let certificate = certificates::status_line(&db, &app.id, app.stage, ctx.today).await?;
    let card = distribution::status::status_line(&db, &app.id, app.stage, &timeline).await?;
    let view = StatusView::new(app.stage, timeline, returned_reasons)
        .with_certificate(certificate)
        .with_card(card);
    let mut resp = Response::from_json(&view)?;
    resp.headers_mut().set("Cache-Control", "no-store")?;
    Ok(resp)
}
