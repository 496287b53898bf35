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

/// A body being read under a ceiling, chunk by chunk: what [`bytes`] does with the stream, apart
/// from the stream (the edge's fuzz targets drive it with any header and chunking).
pub struct Bounded {
    body: Vec<u8>,
    limit: usize,
}

impl Bounded {
    /// Refuses a declared `Content-Length` over `limit` before a byte is read. A value that is
    /// not a number declares nothing: the bytes that come are counted all the same.
    pub fn new(content_length: Option<&str>, limit: usize) -> ApiResult<Bounded> {
        let declared: Option<usize> = content_length.and_then(|v| v.trim().parse().ok());
        if declared.is_some_and(|n| n > limit) {
            return Err(ApiError::TOO_LARGE);
        }
        Ok(Bounded {
            body: Vec::with_capacity(declared.unwrap_or(0)),
            limit,
        })
    }

    /// Appends the next chunk, or refuses the body as soon as it would pass the ceiling.
    pub fn push(&mut self, chunk: &[u8]) -> ApiResult<()> {
        if self.body.len() + chunk.len() > self.limit {
            return Err(ApiError::TOO_LARGE);
        }
        self.body.extend_from_slice(chunk);
        Ok(())
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.body
    }
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
pub fn is_json(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|v| media_type(v).eq_ignore_ascii_case("application/json"))
}

/// `multipart/form-data`, in any letter case, with its parameters (the boundary, which the
/// runtime's own form parser reads and requires).
pub fn is_form_data(content_type: &str) -> bool {
    media_type(content_type).eq_ignore_ascii_case("multipart/form-data")
}

/// A `Content-Type` value without its parameters.
fn media_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or_default().trim()
}

#[cfg(test)]
mod tests {
    use super::{is_form_data, is_json, Bounded};

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

    #[test]
    fn only_form_data_is_form_data() {
        assert!(is_form_data("multipart/form-data; boundary=x"));
        assert!(is_form_data(" Multipart/Form-Data ;boundary=x"));
        for other in [
            "",
            "multipart/form-datax; boundary=x",
            "multipart/mixed; boundary=x",
            "application/json",
        ] {
            assert!(!is_form_data(other), "{other:?}");
        }
    }

    #[test]
    fn a_body_over_the_ceiling_is_refused_declared_or_not() {
        assert!(Bounded::new(Some(" 11 "), 10).is_err());
        let mut body = Bounded::new(Some("not a number"), 10).unwrap();
        body.push(b"12345").unwrap();
        body.push(b"67890").unwrap();
        assert!(body.push(b"!").is_err());
        assert_eq!(body.into_bytes(), b"1234567890");
    }
}
