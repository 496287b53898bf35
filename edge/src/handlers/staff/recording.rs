//! `POST /api/staff/applications/{id}/biometrics`: templates, face and signature from the tablet.

use super::respond;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth;
use crate::services::idempotency::IdempotencyKey;
use crate::services::recording;
use shared::api::BiometricSubmission;
use worker::{Request, Response};

/// Ten templates (~2 KB), a face photo (<= 300 KB) and a signature (<= 100 KB), base64-inflated.
const RECORDING_MAX_BODY_BYTES: usize = 1024 * 1024;

pub async fn record_biometrics(
    mut req: Request,
    ctx: &RequestContext,
    id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    if body.len() > RECORDING_MAX_BODY_BYTES {
        return Err(ApiError::TOO_LARGE);
    }
    let sub: BiometricSubmission = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, id)?;
    respond(recording::record(ctx, &who, id, sub, key.as_ref()).await?)
}
