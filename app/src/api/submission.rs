//! Sending an application (a resident's, or a walk-in typed in at the kecamatan desk) as
//! multipart over `XMLHttpRequest`: unlike `fetch`, it reports upload progress, which matters on
//! a slow line.

use super::request::unauthenticated;
use super::{paths, ApiError, IdempotencyKey};
use crate::i18n::header_value;
use js_sys::{Function, Promise};
use shared::api::{AttachmentKind, SubmitResponse};
use shared::i18n::Lang;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, FormData, ProgressEvent, XmlHttpRequest};

/// Where a finished application form is posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmitTo {
    /// A resident's own: `POST /api/applications`.
    Resident,
    /// A walk-in typed in by a kecamatan operator: `POST /api/staff/applications` (the session
    /// cookie says who and where).
    #[cfg(feature = "staff")]
    WalkIn,
}

impl SubmitTo {
    fn path(self) -> &'static str {
        match self {
            SubmitTo::Resident => paths::APPLICATIONS,
            #[cfg(feature = "staff")]
            SubmitTo::WalkIn => paths::staff::APPLICATIONS,
        }
    }
}

/// One file of a submission.
pub struct Upload {
    pub kind: AttachmentKind,
    pub blob: Blob,
    pub file_name: String,
}

/// The application to `to`, as multipart: part `application` holds the form's JSON and one file
/// part per attachment. `idempotency_key` is the draft's: a retry after a dropped connection
/// gets the same registration code back. `on_progress` receives the uploaded fraction (0..=1).
pub async fn submit_application(
    to: SubmitTo,
    form: &shared::api::ApplicationForm,
    uploads: &[Upload],
    idempotency_key: &IdempotencyKey,
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
    xhr.open("POST", to.path()).map_err(|_| ApiError::Network)?;
    for (name, value) in [
        ("Idempotency-Key", idempotency_key.as_str()),
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
