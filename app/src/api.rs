//! The one typed HTTP client of the app, over the contract types in `shared::api`.
//!
//! Every call returns `Result<_, ApiError>`: a failure is a value the view renders in the
//! user's language, never swallowed into an `Option` or a log line. Reads go through `fetch`
//! (`platform::http`) and are aborted when the view that started them goes away; the submission
//! uses `XMLHttpRequest` because only it reports upload progress, which matters on a slow line.

use crate::i18n::{header_value, NETWORK_ERROR, UNEXPECTED_RESPONSE};
use crate::platform::http;
use js_sys::{Function, Promise};
use shared::api::{AttachmentKind, ErrorBody, ErrorCode, RegionEntry, StatusView, SubmitResponse};
use shared::domain::RegistrationCode;
use shared::i18n::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Blob, FormData, ProgressEvent, XmlHttpRequest};

thread_local! {
    /// What a 401 on a staff call does (the kecamatan shell sends the operator to sign in).
    static ON_UNAUTHENTICATED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Installs what happens when the server says the session is gone.
pub fn set_on_unauthenticated(f: impl Fn() + 'static) {
    ON_UNAUTHENTICATED.with(|h| *h.borrow_mut() = Some(Rc::new(f)));
}

/// Runs the hook of [`set_on_unauthenticated`], if any (residents' pages install none).
pub fn unauthenticated() {
    if let Some(f) = ON_UNAUTHENTICATED.with(|h| h.borrow().clone()) {
        f();
    }
}

/// Why an API call did not give its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: offline, the connection dropped, or the server is unreachable.
    Network,
    /// The server refused with the contract's error body.
    Server { status: u16, body: ErrorBody },
    /// An answer that is not the contract's (a captive portal, a proxy error page).
    Unexpected { status: u16 },
}

impl ApiError {
    /// The contract's error code, when the server sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Server { body, .. } => Some(body.code),
            _ => None,
        }
    }

    /// A message for people in `lang`. Server errors use the code's standard text in the
    /// *current* language (the user may have switched since the request was sent).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ApiError::Network => NETWORK_ERROR.get(lang).to_string(),
            ApiError::Server { body, .. } => body.code.message(lang).to_string(),
            ApiError::Unexpected { status } => {
                format!("{} (HTTP {status})", UNEXPECTED_RESPONSE.get(lang))
            }
        }
    }

    /// Whether trying the same request again later may succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Unexpected { .. } => true,
            ApiError::Server { status, .. } => *status == 429 || *status >= 500,
        }
    }

    /// An answer other than the one asked for: the contract's error body, or "unexpected" for
    /// anything else (a proxy's page).
    pub fn from_answer(status: u16, text: &str) -> ApiError {
        match serde_json::from_str::<ErrorBody>(text) {
            Ok(body) => ApiError::Server { status, body },
            Err(_) => ApiError::Unexpected { status },
        }
    }
}

impl From<http::NoAnswer> for ApiError {
    fn from(_: http::NoAnswer) -> ApiError {
        ApiError::Network
    }
}

/// Aborts the fetch it guards when dropped: a resource's future is dropped when its view goes
/// away, so leaving a page cancels its pending reads.
struct AbortOnDrop(Option<AbortController>);

impl AbortOnDrop {
    fn new() -> AbortOnDrop {
        AbortOnDrop(AbortController::new().ok())
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.0.as_ref().map(|c| c.signal())
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(c) = &self.0 {
            c.abort();
        }
    }
}

/// GET `path` and decode a 200 answer as `T`.
async fn get_json<T: serde::de::DeserializeOwned>(path: &str, lang: Lang) -> Result<T, ApiError> {
    let guard = AbortOnDrop::new();
    let headers = [
        ("Accept", "application/json"),
        ("Accept-Language", header_value(lang)),
    ];
    let response = http::fetch("GET", path, &headers, None, guard.signal().as_ref()).await?;
    let status = response.status();
    // A body cut off mid-way is a network failure, not a server answer.
    let text = http::text(&response).await?;
    drop(guard);
    if status == 200 {
        serde_json::from_str(&text).map_err(|_| ApiError::Unexpected { status })
    } else {
        Err(ApiError::from_answer(status, &text))
    }
}

/// `GET /api/status/{code}`: the public status of an application.
pub async fn get_status(code: RegistrationCode, lang: Lang) -> Result<StatusView, ApiError> {
    get_json(&format!("/api/status/{code}"), lang).await
}

/// `GET /api/regions/{code}`: the children of a region; `GET /api/regions` for `code` "": the
/// provinces. Region names are not bundled in the app.
pub async fn get_region_children(code: &str, lang: Lang) -> Result<Vec<RegionEntry>, ApiError> {
    if code.is_empty() {
        get_json("/api/regions", lang).await
    } else {
        get_json(&format!("/api/regions/{code}"), lang).await
    }
}

/// One file of a submission.
pub struct Upload {
    pub kind: AttachmentKind,
    pub blob: Blob,
    pub file_name: String,
}

/// `POST /api/applications` (a resident's) or `POST /api/staff/applications` (a walk-in; the
/// session cookie goes along) as multipart: part `application` holds the form's JSON and one file
/// part per attachment. `idempotency_key` is the draft's: a retry after a dropped connection
/// gets the same registration code back. `on_progress` receives the uploaded fraction (0..=1).
pub async fn submit_application(
    endpoint: &str,
    form: &shared::api::ApplicationForm,
    uploads: &[Upload],
    idempotency_key: &str,
    lang: Lang,
    on_progress: impl Fn(f64) + 'static,
) -> Result<SubmitResponse, ApiError> {
    let json = serde_json::to_string(form).map_err(|_| ApiError::Unexpected { status: 0 })?;
    let body = FormData::new().map_err(|_| ApiError::Network)?;
    body.append_with_str("application", &json)
        .map_err(|_| ApiError::Network)?;
    for u in uploads {
        body.append_with_blob_and_filename(u.kind.as_str(), &u.blob, &u.file_name)
            .map_err(|_| ApiError::Network)?;
    }

    let xhr = XmlHttpRequest::new().map_err(|_| ApiError::Network)?;
    xhr.open("POST", endpoint).map_err(|_| ApiError::Network)?;
    for (name, value) in [
        ("Idempotency-Key", idempotency_key),
        ("Accept-Language", header_value(lang)),
        ("Accept", "application/json"),
    ] {
        xhr.set_request_header(name, value)
            .map_err(|_| ApiError::Network)?;
    }
    let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            on_progress(e.loaded() / e.total());
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }

    let target = xhr.clone();
    let mut send_failed = false;
    let done = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_load = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_fail = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        target.set_onload(Some(on_load.unchecked_ref()));
        target.set_onerror(Some(on_fail.unchecked_ref()));
        target.set_onabort(Some(on_fail.unchecked_ref()));
        target.set_ontimeout(Some(on_fail.unchecked_ref()));
        if target.send_with_opt_form_data(Some(&body)).is_err() {
            send_failed = true;
        }
    });
    if send_failed {
        return Err(ApiError::Network);
    }
    let outcome = JsFuture::from(done).await;
    // Keep the progress handler alive until the request has finished.
    drop(progress);
    outcome.map_err(|_| ApiError::Network)?;

    let status = xhr.status().map_err(|_| ApiError::Network)?;
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    match status {
        // 201 Created, or 200 when the server recognises the idempotency key of an earlier try.
        200 | 201 => serde_json::from_str(&text).map_err(|_| ApiError::Unexpected { status }),
        // Status 0 after `load` means the browser blocked the answer: treat as no answer.
        0 => Err(ApiError::Network),
        // A walk-in sent after the operator's session expired: the draft stays on the tablet
        // and the console asks for a sign-in, coming back to the form after.
        401 => {
            unauthenticated();
            Err(ApiError::from_answer(status, &text))
        }
        _ => Err(ApiError::from_answer(status, &text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_are_read_and_other_answers_are_unexpected() {
        let body = r#"{"code":"not_found","message":"x","fields":[],"request_id":"r1"}"#;
        assert_eq!(
            ApiError::from_answer(404, body).code(),
            Some(ErrorCode::NotFound)
        );
        assert_eq!(
            ApiError::from_answer(502, "<html>bad gateway</html>"),
            ApiError::Unexpected { status: 502 }
        );
        assert!(ApiError::Unexpected { status: 502 }.is_retryable());
    }
}
