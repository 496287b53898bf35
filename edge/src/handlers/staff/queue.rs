//! The queue: `GET /api/staff/applications` (first page, by stage and kecamatan) and
//! `POST /api/staff/applications/search` (any page, also by a name or code, all in the body so
//! that a searched name never lands in a URL).

use super::reader;
use crate::http::{body, ApiError, ApiResult, RequestContext};
use crate::services::staff_reads;
use shared::api::QueueQuery;
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
    // A search term belongs in the body of a search, never in a URL.
    if param("q").is_some() {
        return Err(ApiError::MALFORMED);
    }
    let stage = match param("stage") {
        Some(s) => Some(Stage::parse(&s).ok_or(ApiError::MALFORMED)?),
        None => None,
    };
    let query = QueueQuery {
        stage,
        district: param("district"),
        ..QueueQuery::default()
    };
    Ok(Response::from_json(
        &staff_reads::queue(ctx, &who, query).await?,
    )?)
}

pub async fn search(mut req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = reader(&req, ctx).await?;
    let (query, _): (QueueQuery, _) = body::json(&mut req).await?;
    Ok(Response::from_json(
        &staff_reads::queue(ctx, &who, query).await?,
    )?)
}
