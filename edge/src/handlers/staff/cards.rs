//! The kecamatan's cards: `/api/staff/shipments/*` (find a shipment by its manifest code, check
//! it in) and `/api/staff/cards/*` (cards waiting, the handover check by registration code, the
//! face, the handover and its signature). Writes are idempotent on
//! `Idempotency-Key`, scoped to the shipment or the application.

use super::respond;
use crate::http::{ApiResult, RequestContext};
use crate::services::auth;
use crate::services::distribution::handover::{self, HandoverImage};
use crate::services::distribution::{cards, receive};
use crate::services::idempotency::IdempotencyKey;
use shared::api::{HandoverRequest, ReceiveRequest};
use worker::{Request, Response};

pub async fn shipment_by_code(
    req: Request,
    ctx: &RequestContext,
    code: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(
        &receive::by_code(ctx, &who, code).await?,
    )?)
}

pub async fn receive(mut req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: ReceiveRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, id)?;
    respond(receive::receive(ctx, &who, id, &parsed, key.as_ref()).await?)
}

pub async fn list(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&cards::list(ctx, &who).await?)?)
}

pub async fn check(req: Request, ctx: &RequestContext, code: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(
        &handover::check(ctx, &who, code).await?,
    )?)
}

pub async fn hand_over(mut req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: HandoverRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, id)?;
    respond(handover::hand_over(ctx, &who, id, &parsed, key.as_ref()).await?)
}

pub async fn face(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    image(req, ctx, id, HandoverImage::Face, "face").await
}

pub async fn signature(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    image(req, ctx, id, HandoverImage::Signature, "signature").await
}

async fn image(
    req: Request,
    ctx: &RequestContext,
    id: &str,
    which: HandoverImage,
    name: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let bytes = handover::image(ctx, &who, id, which).await?;
    Ok(crate::http::stored_file::respond(bytes, name)?)
}
