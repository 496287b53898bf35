//! `/api/dinas/print-queue` and `/api/dinas/print-runs`: the print queue, runs, card outcomes,
//! blanks, closing, previews, card images and chip data. Writes are idempotent on the
//! `Idempotency-Key` header, scoped to the run (or to "print-runs" for a new run).

use super::super::staff::respond;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth;
use crate::services::idempotency::IdempotencyKey;
use crate::services::printing::preview::{self, CardImage};
use crate::services::printing::{cards, chip, queue, runs};
use shared::api::{CreatePrintRunRequest, RecordCardsRequest, TakeBlanksRequest};
use worker::{Request, Response};

pub async fn queue(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&queue::list(ctx, &who).await?)?)
}

pub async fn list(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&runs::list(ctx, &who).await?)?)
}

pub async fn create(mut req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: CreatePrintRunRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, "print-runs")?;
    respond(runs::create(ctx, &who, &parsed, key.as_ref()).await?)
}

pub async fn get(req: Request, ctx: &RequestContext, run_id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&runs::get(ctx, &who, run_id).await?)?)
}

pub async fn record_cards(
    mut req: Request,
    ctx: &RequestContext,
    run_id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: RecordCardsRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, run_id)?;
    respond(cards::record(ctx, &who, run_id, &parsed, key.as_ref()).await?)
}

pub async fn take_blanks(
    mut req: Request,
    ctx: &RequestContext,
    run_id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: TakeBlanksRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, run_id)?;
    respond(runs::take_blanks(ctx, &who, run_id, parsed.count, key.as_ref()).await?)
}

pub async fn close(mut req: Request, ctx: &RequestContext, run_id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let key = IdempotencyKey::of(&req, &body, &who, run_id)?;
    respond(runs::close(ctx, &who, run_id, key.as_ref()).await?)
}

pub async fn previews(req: Request, ctx: &RequestContext, run_id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(
        &preview::previews(ctx, &who, run_id).await?,
    )?)
}

/// `GET .../cards/{application}/photo` or `/signature`.
pub async fn image(
    req: Request,
    ctx: &RequestContext,
    run_id: &str,
    application_id: &str,
    kind: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let kind = CardImage::parse(kind).ok_or(ApiError::NOT_FOUND)?;
    let bytes = preview::image(ctx, &who, run_id, application_id, kind).await?;
    let mut resp = Response::from_bytes(bytes)?;
    resp.headers_mut()
        .set("Content-Type", kind.content_type())?;
    resp.headers_mut()
        .set("Cache-Control", "private, no-store")?;
    Ok(resp)
}

/// `GET .../cards/{application}/chip?serial=<blank card serial>`: the signed file.
pub async fn chip(
    req: Request,
    ctx: &RequestContext,
    run_id: &str,
    application_id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let url = req.url()?;
    let serial = url
        .query_pairs()
        .find(|(k, _)| k == "serial")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let bytes = chip::chip_data(ctx, &who, run_id, application_id, &serial).await?;
    let mut resp = Response::from_bytes(bytes)?;
    resp.headers_mut()
        .set("Content-Type", "application/octet-stream")?;
    resp.headers_mut()
        .set("Cache-Control", "private, no-store")?;
    Ok(resp)
}
