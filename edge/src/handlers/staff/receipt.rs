//! `GET /api/staff/applications/{id}/receipt`: the registration receipt after recording.

use super::reader;
use crate::http::{ApiResult, RequestContext};
use crate::services::staff_reads;
use worker::{Request, Response};

pub async fn receipt(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    Ok(Response::from_json(
        &staff_reads::receipt(ctx, &who, id).await?,
    )?)
}
