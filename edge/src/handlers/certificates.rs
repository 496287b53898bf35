//! Surat Keterangan endpoints: issue and reprint (`/api/dinas/applications/{id}/certificate`),
//! revoke (`/api/dinas/certificates/{number}/revoke`), and the public revocation list and key
//! ring (`/api/certificates/revocations`, `/api/certificates/keys`). Writes are idempotent on
//! the `Idempotency-Key` header.

use super::staff::respond;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth;
use crate::services::certificates;
use crate::services::idempotency::IdempotencyKey;
use shared::api::{FieldError, RevokeCertificateRequest, MAX_REVOKE_REASON_CHARS};
use shared::validation::FieldCode;
use worker::{Request, Response};

/// Verifiers refresh the list when online; a few minutes of caching spares the edge without
/// hiding a revocation for long.
const REVOCATIONS_CACHE: &str = "public, max-age=300";
/// Keys change only by a deployment.
const KEYS_CACHE: &str = "public, max-age=3600";

pub async fn issue(mut req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = certificates::dinas_staff(auth::principal(&req, ctx).await?)?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let key = IdempotencyKey::of(&req, &body, &who, id)?;
    respond(certificates::issue(ctx, &who, id, key.as_ref()).await?)
}

pub async fn current(req: Request, ctx: &RequestContext, id: &str) -> ApiResult<Response> {
    let who = certificates::dinas_staff(auth::principal(&req, ctx).await?)?;
    let doc = certificates::current(ctx, &who, id).await?;
    let mut resp = Response::from_json(&doc)?;
    resp.headers_mut()
        .set("Cache-Control", "private, no-store")?;
    Ok(resp)
}

pub async fn revoke(mut req: Request, ctx: &RequestContext, number: &str) -> ApiResult<Response> {
    let who = certificates::dinas_staff(auth::principal(&req, ctx).await?)?;
    let body = crate::http::body::optional_json(&mut req).await?;
    let parsed: RevokeCertificateRequest = crate::http::body::parse(&body)?;
    let reason = parsed.reason.trim();
    let problem = if reason.is_empty() {
        Some(FieldCode::Required)
    } else if reason.chars().count() > MAX_REVOKE_REASON_CHARS {
        Some(FieldCode::TooLong)
    } else {
        None
    };
    if let Some(code) = problem {
        return Err(ApiError::Validation(vec![FieldError {
            field: "reason".into(),
            code,
        }]));
    }
    let key = IdempotencyKey::of(&req, &body, &who, number)?;
    respond(certificates::revoke(ctx, &who, number, reason, key.as_ref()).await?)
}

pub async fn revocations(ctx: &RequestContext) -> ApiResult<Response> {
    text(certificates::revocation_list(ctx).await?, REVOCATIONS_CACHE)
}

pub fn keys(ctx: &RequestContext) -> ApiResult<Response> {
    text(certificates::key_ring_text(ctx)?, KEYS_CACHE)
}

fn text(body: String, cache: &str) -> ApiResult<Response> {
    let mut resp = Response::ok(body)?;
    resp.headers_mut()
        .set("Content-Type", "text/plain; charset=utf-8")?;
    resp.headers_mut().set("Cache-Control", cache)?;
    // The verification page is same-origin, but anyone may check a certificate with their own
    // tools: the list and keys are public by design.
    resp.headers_mut().set("Access-Control-Allow-Origin", "*")?;
    Ok(resp)
}
