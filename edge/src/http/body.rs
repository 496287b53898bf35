//! Reading request bodies with a ceiling, for every handler: a declared length over the
//! ceiling is refused before a byte is read, and a body without a declared length is read only
//! up to the ceiling (the stream is dropped there), so no request makes the worker hold more.

use super::{ApiError, ApiResult};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use worker::Request;

/// The ceiling of a JSON body: the largest is a recording (ten templates of a few kilobytes,
/// a face JPEG and a signature PNG, base64).
pub const JSON_LIMIT: usize = 1024 * 1024;

/// The body's bytes, at most `limit` of them; more is 413 `payload_too_large`.
pub async fn bytes(req: &mut Request, limit: usize) -> ApiResult<Vec<u8>> {
    let declared: Option<usize> = req
        .headers()
        .get("content-length")?
        .and_then(|v| v.trim().parse().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(ApiError::TOO_LARGE);
    }
    // A request without a body has no stream: it is an empty body.
    let Ok(mut stream) = req.stream() else {
        return Ok(Vec::new());
    };
    let mut body = Vec::with_capacity(declared.unwrap_or(0));
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::TOO_LARGE);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
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

/// `application/json`, with parameters (`; charset=utf-8`) or not, in any letter case.
fn is_json(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|v| {
        v.split(';')
            .next()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
    })
}

#[cfg(test)]
mod tests {
    use super::is_json;

    #[test]
    fn only_json_is_json() {
        assert!(is_json(Some("application/json")));
        assert!(is_json(Some("Application/JSON; charset=utf-8")));
        for other in [
            None,
            Some(""),
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            Some("application/jsonp"),
        ] {
            assert!(!is_json(other), "{other:?}");
        }
    }
}
