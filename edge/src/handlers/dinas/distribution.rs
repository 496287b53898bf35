//! `/api/dinas/distribution` and `/api/dinas/shipments`: the Distribusi section's overview, packing
//! a kecamatan's printed cards into a shipment (idempotent on `Idempotency-Key`, scoped to the
//! kecamatan), and one shipment's manifest.

use super::super::staff::respond;
use crate::http::{ApiResult, RequestContext};
use crate::services::auth;
use crate::services::distribution::{self, overview, pack};
use crate::services::idempotency::IdempotencyKey;
use shared::api::PackRequest;
use worker::{Request, Response};

pub async fn overview(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&overview::overview(ctx, &who).await?)?)
}

pub async fn pack(mut req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    distribution::dinas(&who)?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: PackRequest = crate::http::body::parse(&body)?;
    let district = pack::district_of(&parsed)?;
    let key = IdempotencyKey::of(&req, &body, &who, &district)?;
    respond(pack::pack(ctx, &who, &district, &parsed.application_ids, key.as_ref()).await?)
}

pub async fn shipment(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(
        &overview::shipment(ctx, &who, id).await?,
    )?)
}
