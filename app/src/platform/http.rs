//! `fetch` over web-sys: send one request, read its answer.
//!
//! Not gloo-net: the app needs four calls of it, and gloo-net also links its streams support
//! (exported wasm-bindgen classes the bundler cannot drop) into every bundle.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Blob, Headers, RequestInit, Response};

/// The request got no answer: offline, refused, aborted, or the body was cut off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoAnswer;

impl From<JsValue> for NoAnswer {
    fn from(_: JsValue) -> NoAnswer {
        NoAnswer
    }
}

/// `method url` with `headers` and an optional text body, cancelled by `signal`. The session
/// cookie goes along (same-origin). Any HTTP status is an answer.
pub async fn fetch(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    signal: Option<&AbortSignal>,
) -> Result<Response, NoAnswer> {
    let window = web_sys::window().ok_or(NoAnswer)?;
    let init = RequestInit::new();
    init.set_method(method);
    let h = Headers::new()?;
    for (name, value) in headers {
        h.append(name, value)?;
    }
    init.set_headers(&h);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_signal(signal);
    let answer = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await?;
    Ok(answer.unchecked_into())
}

/// The whole body as text.
pub async fn text(response: &Response) -> Result<String, NoAnswer> {
    let text = JsFuture::from(response.text()?).await?;
    text.as_string().ok_or(NoAnswer)
}

/// The whole body as a blob typed by the answer's `Content-Type`.
pub async fn blob(response: &Response) -> Result<Blob, NoAnswer> {
    Ok(JsFuture::from(response.blob()?).await?.unchecked_into())
}
