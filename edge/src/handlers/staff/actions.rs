//! `POST .../{id}/verify` and `.../return`: staff decisions, idempotent on the `Idempotency-Key`
//! header. Adjudication is not here: it takes two persons, in `/api/dinas/cases`.

use super::respond;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth;
use crate::services::idempotency::IdempotencyKey;
use crate::services::staff_actions;
use shared::api::{FieldError, ReturnRequest};
use shared::validation::FieldCode;
use worker::{Request, Response};

pub async fn verify(mut req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let key = IdempotencyKey::of(&req, &body, &who, id)?;
    respond(staff_actions::verify(ctx, &who, id, key.as_ref()).await?)
}

pub async fn return_for_correction(
    mut req: Request,
    ctx: &RequestContext,
    id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: ReturnRequest = crate::http::body::parse(&body)?;
    if parsed.reasons.is_empty() {
        return Err(ApiError::Validation(vec![FieldError {
            field: "reasons".into(),
            code: FieldCode::Required,
        }]));
    }
    let key = IdempotencyKey::of(&req, &body, &who, id)?;
    respond(
        staff_actions::return_for_correction(ctx, &who, id, &parsed.reasons, key.as_ref()).await?,
    )
}
