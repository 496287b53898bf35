//! `GET /api/dinas/dashboard`: the dinas dashboard's figures.

use crate::http::{ApiResult, RequestContext};
use crate::services::{auth, dashboard};
use worker::{Request, Response};

pub async fn get(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(
        &dashboard::dashboard(ctx, &who).await?,
    )?)
}
