//! `/api/dinas/cases` (and `/api/dinas/flags`): list, flags, open (claim + view), release, faces, propose, approve, send back,
//! clarify. Writes are idempotent on the `Idempotency-Key` header, scoped to the case.

use super::super::staff::respond;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::adjudication::{clarify, decide, flags, list, overlay, release, view};
use crate::services::auth;
use crate::services::idempotency::IdempotencyKey;
use shared::api::{ClarificationRequest, ProposalRequest, ReviewRequest};
use worker::{Request, Response};

pub async fn list(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&list::list(ctx, &who).await?)?)
}

pub async fn flags(req: Request, ctx: &RequestContext) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&flags::list(ctx, &who).await?)?)
}

pub async fn open(req: Request, ctx: &RequestContext, case_id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    Ok(Response::from_json(&view::open(ctx, &who, case_id).await?)?)
}

pub async fn face(
    req: Request,
    ctx: &RequestContext,
    case_id: &str,
    application_id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let bytes = view::face(ctx, &who, case_id, application_id).await?;
    Ok(crate::http::stored_file::respond(bytes, "face")?)
}

pub async fn release(mut req: Request, ctx: &RequestContext, case_id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let key = IdempotencyKey::of(&req, &body, &who, case_id)?;
    respond(release::release(ctx, &who, case_id, key.as_ref()).await?)
}

pub async fn propose(mut req: Request, ctx: &RequestContext, case_id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: ProposalRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, case_id)?;
    respond(decide::propose(ctx, &who, case_id, &parsed, key.as_ref()).await?)
}

pub async fn approve(
    mut req: Request,
    ctx: &RequestContext,
    case_id: &str,
    proposal_id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: ReviewRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, case_id)?;
    respond(decide::approve(ctx, &who, case_id, proposal_id, &parsed, key.as_ref()).await?)
}

pub async fn send_back(
    mut req: Request,
    ctx: &RequestContext,
    case_id: &str,
    proposal_id: &str,
) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: ReviewRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, case_id)?;
    respond(decide::send_back(ctx, &who, case_id, proposal_id, &parsed, key.as_ref()).await?)
}

pub async fn clarify(mut req: Request, ctx: &RequestContext, case_id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: ClarificationRequest = crate::http::body::parse(&body)?;
    let key = IdempotencyKey::of(&req, &body, &who, case_id)?;
    respond(clarify::clarify(ctx, &who, case_id, &parsed, key.as_ref()).await?)
}

/// `GET .../overlay?candidate=<application id>&finger=<1-10>[&application=<held id>]`.
pub async fn overlay(req: Request, ctx: &RequestContext, case_id: &str) -> ApiResult<Response> {
    let who = auth::principal(&req, ctx).await?;
    let url = req.url()?;
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .filter(|s| !s.is_empty())
    };
    let query = overlay::OverlayQuery {
        application_id: param("application"),
        candidate_application_id: param("candidate").ok_or(ApiError::MALFORMED)?,
        finger: param("finger")
            .and_then(|f| f.parse().ok())
            .ok_or(ApiError::MALFORMED)?,
    };
    Ok(Response::from_json(
        &overlay::overlay(ctx, &who, case_id, &query).await?,
    )?)
}
