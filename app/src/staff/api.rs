//! Typed client for the staff API (`/api/auth/*`, `/api/staff/*`). Failures are
//! [`crate::api::ApiError`] values the screens render; a 401 also tells the console's shell, which
//! sends the operator to sign in again while drafts and the outbox stay on the device.

use crate::api::ApiError;
use crate::i18n::header_value;
use gloo_net::http::{Request, RequestBuilder};
use shared::api::{
    ApplicationDetail, ApplicationList, ErrorBody, LoginRequest, ReceiptView, SessionInfo,
};
use shared::i18n::Lang;
use shared::lifecycle::Stage;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// Called when the server says the session is gone (set by the console shell).
    static ON_UNAUTHENTICATED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Installs what happens on a 401 (the shell redirects to the sign-in page).
pub fn set_on_unauthenticated(f: impl Fn() + 'static) {
    ON_UNAUTHENTICATED.with(|h| *h.borrow_mut() = Some(Rc::new(f)));
}

fn unauthenticated() {
    if let Some(f) = ON_UNAUTHENTICATED.with(|h| h.borrow().clone()) {
        f();
    }
}

/// Reads an error answer: the contract's body, or "unexpected" for anything else (a proxy page).
fn error_from(status: u16, text: &str) -> ApiError {
    match serde_json::from_str::<ErrorBody>(text) {
        Ok(body) => ApiError::Server { status, body },
        Err(_) => ApiError::Unexpected { status },
    }
}

/// Sends `req`; a 2xx answer's body text, or the error. A 401 notifies the shell unless
/// `expect_401` (the sign-in form and the session probe handle it themselves).
async fn send(
    req: Result<Request, gloo_net::Error>,
    expect_401: bool,
) -> Result<(u16, String), ApiError> {
    let req = req.map_err(|_| ApiError::Network)?;
    let resp = req.send().await.map_err(|_| ApiError::Network)?;
    let status = resp.status();
    let text = resp.text().await.map_err(|_| ApiError::Network)?;
    if (200..300).contains(&status) {
        return Ok((status, text));
    }
    if status == 401 && !expect_401 {
        unauthenticated();
    }
    Err(error_from(status, &text))
}

fn json<T: serde::de::DeserializeOwned>((status, text): (u16, String)) -> Result<T, ApiError> {
    serde_json::from_str(&text).map_err(|_| ApiError::Unexpected { status })
}

fn get(path: &str, lang: Lang) -> RequestBuilder {
    Request::get(path)
        .header("Accept", "application/json")
        .header("Accept-Language", header_value(lang))
}

fn post(path: &str, lang: Lang) -> RequestBuilder {
    Request::post(path)
        .header("Accept", "application/json")
        .header("Accept-Language", header_value(lang))
}

/// `POST /api/auth/login`. 401 `invalid_credentials` and 423 `account_locked` come back as errors.
pub async fn login(username: &str, password: &str, lang: Lang) -> Result<SessionInfo, ApiError> {
    let body = LoginRequest {
        username: username.to_string(),
        password: password.to_string(),
    };
    json(send(post("/api/auth/login", lang).json(&body), true).await?)
}

/// `POST /api/auth/logout`.
pub async fn logout(lang: Lang) -> Result<(), ApiError> {
    send(post("/api/auth/logout", lang).build(), true)
        .await
        .map(|_| ())
}

/// `GET /api/auth/me`: who the cookie belongs to, or 401.
pub async fn me(lang: Lang) -> Result<SessionInfo, ApiError> {
    json(send(get("/api/auth/me", lang).build(), true).await?)
}

/// `GET /api/staff/applications`: the operator's queue, optionally by stage and a name/code search.
pub async fn list(
    stage: Option<Stage>,
    query: &str,
    lang: Lang,
) -> Result<ApplicationList, ApiError> {
    let mut params = vec![];
    if let Some(stage) = stage {
        params.push(("stage", stage.as_str().to_string()));
    }
    if !query.trim().is_empty() {
        params.push(("q", query.trim().to_string()));
    }
    json(
        send(
            get("/api/staff/applications", lang)
                .query(params.iter().map(|(k, v)| (*k, v.as_str())))
                .build(),
            false,
        )
        .await?,
    )
}

/// `GET /api/staff/applications/{id}`.
pub async fn detail(id: &str, lang: Lang) -> Result<ApplicationDetail, ApiError> {
    json(
        send(
            get(&format!("/api/staff/applications/{id}"), lang).build(),
            false,
        )
        .await?,
    )
}

/// `GET /api/staff/applications/by-code/{code}`: a typed or scanned registration code.
pub async fn by_code(code: &str, lang: Lang) -> Result<ApplicationDetail, ApiError> {
    let code: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    json(
        send(
            get(&format!("/api/staff/applications/by-code/{code}"), lang).build(),
            false,
        )
        .await?,
    )
}

/// `GET /api/staff/applications/{id}/receipt` (404 until the recording is stored).
pub async fn receipt(id: &str, lang: Lang) -> Result<ReceiptView, ApiError> {
    json(
        send(
            get(&format!("/api/staff/applications/{id}/receipt"), lang).build(),
            false,
        )
        .await?,
    )
}

/// `GET /api/staff/applications/{id}/documents/{kind}` as a blob URL (revoke it when done).
/// Fetched with the session cookie; a plain `<img src>` to the API would work too, but a blob
/// URL also serves PDFs in a new tab and keeps the document out of the HTTP cache.
pub async fn document_url(id: &str, kind: &str, lang: Lang) -> Result<String, ApiError> {
    let resp = get(
        &format!("/api/staff/applications/{id}/documents/{kind}"),
        lang,
    )
    .send()
    .await
    .map_err(|_| ApiError::Network)?;
    let status = resp.status();
    if status != 200 {
        if status == 401 {
            unauthenticated();
        }
        let text = resp.text().await.unwrap_or_default();
        return Err(error_from(status, &text));
    }
    let content_type = resp.headers().get("content-type").unwrap_or_default();
    let bytes = resp.binary().await.map_err(|_| ApiError::Network)?;
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&content_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| ApiError::Unexpected { status })?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiError::Unexpected { status })
}

/// A write for the outbox: `POST path` with a JSON body and an `Idempotency-Key` header.
/// Answers the 2xx body text.
pub async fn post_json(
    path: &str,
    body: &str,
    idempotency_key: &str,
    lang: Lang,
) -> Result<String, ApiError> {
    let req = post(path, lang)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotency_key)
        .body(body.to_string());
    send(req, false).await.map(|(_, text)| text)
}
