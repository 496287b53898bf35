//! `GET /api/staff/applications/{id}` and `.../by-code/{code}`: one application for staff.

use super::reader;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::staff_reads;
use shared::api::ErrorCode;
use shared::domain::RegistrationCode;
use worker::{Request, Response};

pub async fn get(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    Ok(Response::from_json(
        &staff_reads::detail(ctx, &who, id).await?,
    )?)
}

/// A typed or scanned registration code.
pub async fn find_by_code(req: Request, ctx: &RequestContext, code: &str) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let code = RegistrationCode::parse(code)
        .map_err(|_| ApiError::Code(ErrorCode::InvalidRegistrationCode))?;
    let id = staff_reads::id_by_code(ctx, &who, &code).await?;
    Ok(Response::from_json(
        &staff_reads::detail(ctx, &who, &id).await?,
    )?)
}
