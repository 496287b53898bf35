//! `GET /api/staff/applications`: the queue, filtered by stage, kecamatan and a search.

use super::reader;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::staff_reads::{self, QueueFilter};
use shared::lifecycle::Stage;
use worker::{Request, Response};

pub async fn list(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let url = req.url()?;
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .filter(|s| !s.is_empty())
    };
    let stage = match param("stage") {
        Some(s) => Some(Stage::parse(&s).ok_or(ApiError::MALFORMED)?),
        None => None,
    };
    let filter = QueueFilter {
        stage,
        search: param("q").filter(|s| !s.trim().is_empty()),
        district: param("district"),
    };
    Ok(Response::from_json(
        &staff_reads::queue(ctx, &who, filter).await?,
    )?)
}
