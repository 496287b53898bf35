//! `GET /api/staff/applications/{id}/documents/{kind}`: one stored document's bytes.

use super::reader;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::staff_reads;
use shared::api::AttachmentKind;
use worker::{Request, Response};

pub async fn document(
    req: Request,
    ctx: &RequestContext,
    id: &str,
    kind: &str,
) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let kind = AttachmentKind::parse(kind).ok_or(ApiError::NOT_FOUND)?;
    let (content_type, bytes) = staff_reads::document(ctx, &who, id, kind).await?;
    let mut resp = Response::from_bytes(bytes)?;
    resp.headers_mut().set("Content-Type", &content_type)?;
    resp.headers_mut()
        .set("Cache-Control", "private, no-store")?;
    Ok(resp)
}
