//! Typed client for the staff API (`/api/auth/*`, `/api/staff/*`). Failures are
//! [`crate::api::ApiError`] values the screens render; a 401 also tells the console's shell (the
//! hook in `crate::api`), which sends the operator to sign in again while drafts and the outbox
//! stay on the device.

use crate::api::ApiError;
use crate::i18n::header_value;
use crate::platform::http;
use shared::api::{ApplicationDetail, ApplicationList, LoginRequest, ReceiptView, SessionInfo};
use shared::i18n::Lang;
use shared::lifecycle::Stage;

pub use crate::api::set_on_unauthenticated;
use crate::api::unauthenticated;

/// One staff request: `method path` with the contract's headers plus `extra`, and a text body.
async fn request(
    method: &str,
    path: &str,
    lang: Lang,
    extra: &[(&str, &str)],
    body: Option<&str>,
) -> Result<web_sys::Response, ApiError> {
    let mut headers = vec![
        ("Accept", "application/json"),
        ("Accept-Language", header_value(lang)),
    ];
    headers.extend_from_slice(extra);
    Ok(http::fetch(method, path, &headers, body, None).await?)
}

/// Reads `response`: a 2xx answer's body text, or the error. A 401 notifies the shell unless
/// `expect_401` (the sign-in form and the session probe handle it themselves).
async fn answer(response: web_sys::Response, expect_401: bool) -> Result<(u16, String), ApiError> {
    let status = response.status();
    let text = http::text(&response).await?;
    if (200..300).contains(&status) {
        return Ok((status, text));
    }
    if status == 401 && !expect_401 {
        unauthenticated();
    }
    Err(ApiError::from_answer(status, &text))
}

fn json<T: serde::de::DeserializeOwned>((status, text): (u16, String)) -> Result<T, ApiError> {
    serde_json::from_str(&text).map_err(|_| ApiError::Unexpected { status })
}

/// `GET path` decoded as `T`.
async fn get<T: serde::de::DeserializeOwned>(
    path: &str,
    lang: Lang,
    expect_401: bool,
) -> Result<T, ApiError> {
    json(answer(request("GET", path, lang, &[], None).await?, expect_401).await?)
}

/// `POST /api/auth/login`. 401 `invalid_credentials` and 423 `account_locked` come back as errors.
pub async fn login(username: &str, password: &str, lang: Lang) -> Result<SessionInfo, ApiError> {
    let body = LoginRequest {
        username: username.to_string(),
        password: password.to_string(),
    };
    let body = serde_json::to_string(&body).map_err(|_| ApiError::Unexpected { status: 0 })?;
    let json_type = [("Content-Type", "application/json")];
    let response = request("POST", "/api/auth/login", lang, &json_type, Some(&body)).await?;
    json(answer(response, true).await?)
}

/// `POST /api/auth/logout`.
pub async fn logout(lang: Lang) -> Result<(), ApiError> {
    answer(
        request("POST", "/api/auth/logout", lang, &[], None).await?,
        true,
    )
    .await
    .map(|_| ())
}

/// `GET /api/auth/me`: who the cookie belongs to, or 401.
pub async fn me(lang: Lang) -> Result<SessionInfo, ApiError> {
    get("/api/auth/me", lang, true).await
}

/// `GET /api/staff/applications`: the operator's queue, optionally by stage and a name/code search.
pub async fn list(
    stage: Option<Stage>,
    query: &str,
    lang: Lang,
) -> Result<ApplicationList, ApiError> {
    let mut params = vec![];
    if let Some(stage) = stage {
        params.push(format!("stage={}", stage.as_str()));
    }
    if !query.trim().is_empty() {
        params.push(format!("q={}", js_sys::encode_uri_component(query.trim())));
    }
    let path = match params.is_empty() {
        true => "/api/staff/applications".to_string(),
        false => format!("/api/staff/applications?{}", params.join("&")),
    };
    get(&path, lang, false).await
}

/// `GET /api/staff/applications/{id}`.
pub async fn detail(id: &str, lang: Lang) -> Result<ApplicationDetail, ApiError> {
    get(&format!("/api/staff/applications/{id}"), lang, false).await
}

/// `GET /api/staff/applications/by-code/{code}`: a typed or scanned registration code.
pub async fn by_code(code: &str, lang: Lang) -> Result<ApplicationDetail, ApiError> {
    let code: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    get(
        &format!("/api/staff/applications/by-code/{code}"),
        lang,
        false,
    )
    .await
}

/// `GET /api/staff/applications/{id}/receipt` (404 until the recording is stored).
pub async fn receipt(id: &str, lang: Lang) -> Result<ReceiptView, ApiError> {
    get(
        &format!("/api/staff/applications/{id}/receipt"),
        lang,
        false,
    )
    .await
}

/// `GET /api/staff/applications/{id}/documents/{kind}` as a blob URL (revoke it when done).
/// Fetched with the session cookie; a plain `<img src>` to the API would work too, but a blob
/// URL also serves PDFs in a new tab and keeps the document out of the HTTP cache.
pub async fn document_url(id: &str, kind: &str, lang: Lang) -> Result<String, ApiError> {
    let path = format!("/api/staff/applications/{id}/documents/{kind}");
    let response = request("GET", &path, lang, &[], None).await?;
    let status = response.status();
    if status != 200 {
        return Err(answer(response, false)
            .await
            .err()
            .unwrap_or(ApiError::Unexpected { status }));
    }
    let blob = http::blob(&response).await?;
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
    let extra = [
        ("Content-Type", "application/json"),
        ("Idempotency-Key", idempotency_key),
    ];
    let response = request("POST", path, lang, &extra, Some(body)).await?;
    answer(response, false).await.map(|(_, text)| text)
}
