//! Reading request bodies with a ceiling, for every handler: a declared length over the
//! ceiling is refused before a byte is read, and a body without a declared length is read only
//! up to the ceiling (the stream is dropped there), so no request makes the worker hold more.

use super::parse::ceiling::{Bounded, OverCeiling};
use super::parse::content_type::is_json;
use super::{ApiError, ApiResult};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use worker::Request;

/// The ceiling of a JSON body: the largest is a recording (ten templates of a few kilobytes,
/// a face JPEG and a signature PNG, base64).
pub const JSON_LIMIT: usize = 1024 * 1024;

/// The body's bytes, at most `limit` of them; more is 413 `payload_too_large`.
pub async fn bytes(req: &mut Request, limit: usize) -> ApiResult<Vec<u8>> {
    let mut body = Bounded::new(req.headers().get("content-length")?.as_deref(), limit)?;
    // A request without a body has no stream: it is an empty body.
    let Ok(mut stream) = req.stream() else {
        return Ok(Vec::new());
    };
    while let Some(chunk) = stream.next().await {
        body.push(&chunk?)?;
    }
    Ok(body.into_bytes())
}

/// A JSON body, sent as JSON: any other declared type is refused (a form post from another
/// site cannot carry one) before the body is read. Returns the value and the bytes (an
/// idempotent write compares the bytes of a replay with the first request's).
pub async fn json<T: DeserializeOwned>(req: &mut Request) -> ApiResult<(T, Vec<u8>)> {
    if !is_json(req.headers().get("content-type")?.as_deref()) {
        return Err(ApiError::MALFORMED);
    }
    let body = bytes(req, JSON_LIMIT).await?;
    Ok((parse(&body)?, body))
}

/// A body that may be empty (an action without parameters) or JSON; when present it must be
/// declared as JSON. Returns the bytes for the idempotency check.
pub async fn optional_json(req: &mut Request) -> ApiResult<Vec<u8>> {
    let body = bytes(req, JSON_LIMIT).await?;
    if !body.is_empty() && !is_json(req.headers().get("content-type")?.as_deref()) {
        return Err(ApiError::MALFORMED);
    }
    Ok(body)
}

/// A JSON value from body bytes read by [`optional_json`]; anything else is 400.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|_| ApiError::MALFORMED)
}

impl From<OverCeiling> for ApiError {
    fn from(_: OverCeiling) -> Self {
        ApiError::TOO_LARGE
    }
}
