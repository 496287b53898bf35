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
    let bytes = staff_reads::document(ctx, &who, id, kind).await?;
    Ok(crate::http::stored_file::respond(bytes, kind.as_str())?)
}
