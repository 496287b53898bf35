//! One request and its answer, for every call of the client: the contract's headers, a JSON
//! body, the idempotency key of a write, the calling view's abort signal, and what a 401 means.

use super::{ApiError, IdempotencyKey, ViewRequests};
use crate::i18n::header_value;
use crate::platform::http;
use serde::de::DeserializeOwned;
use shared::i18n::Lang;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// What a 401 on a staff call does (the kecamatan shell sends the operator to sign in).
    static ON_UNAUTHENTICATED: RefCell<Option<Rc<dyn Fn()>>> = const { RefCell::new(None) };
}

/// Installs what happens when the server says the session is gone.
pub fn set_on_unauthenticated(f: impl Fn() + 'static) {
    ON_UNAUTHENTICATED.with(|h| *h.borrow_mut() = Some(Rc::new(f)));
}

/// Runs the hook of [`set_on_unauthenticated`], if any (residents' pages install none).
pub(crate) fn unauthenticated() {
    if let Some(f) = ON_UNAUTHENTICATED.with(|h| h.borrow().clone()) {
        f();
    }
}

/// Who deals with a 401 answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum On401 {
    /// The hook of [`set_on_unauthenticated`] (a staff session ran out mid-work).
    Hook,
    /// The caller alone: the sign-in form and the session probe, for which 401 is an answer.
    #[cfg(feature = "staff")]
    Caller,
}

/// A request being put together.
pub(crate) struct Call<'a> {
    method: &'static str,
    path: &'a str,
    lang: Lang,
    requests: ViewRequests,
    key: Option<&'a IdempotencyKey>,
    json: Option<String>,
    on_401: On401,
}

impl<'a> Call<'a> {
    pub(crate) fn get(path: &'a str, lang: Lang, requests: ViewRequests) -> Call<'a> {
        Call {
            method: "GET",
            path,
            lang,
            requests,
            key: None,
            json: None,
            on_401: On401::Hook,
        }
    }

    #[cfg(feature = "staff")]
    pub(crate) fn post(path: &'a str, lang: Lang, requests: ViewRequests) -> Call<'a> {
        Call {
            method: "POST",
            ..Call::get(path, lang, requests)
        }
    }

    #[cfg(feature = "staff")]
    /// `body` as the JSON body.
    pub(crate) fn json(mut self, body: &impl serde::Serialize) -> Result<Call<'a>, ApiError> {
        let text = serde_json::to_string(body).map_err(|_| ApiError::Unexpected { status: 0 })?;
        self.json = Some(text);
        Ok(self)
    }

    #[cfg(feature = "staff")]
    /// A write's key, sent as `Idempotency-Key`.
    pub(crate) fn idempotent(mut self, key: &'a IdempotencyKey) -> Call<'a> {
        self.key = Some(key);
        self
    }

    #[cfg(feature = "staff")]
    pub(crate) fn on_401(mut self, on_401: On401) -> Call<'a> {
        self.on_401 = on_401;
        self
    }

    /// Sends the request: a 2xx answer, or the error (its body read).
    async fn answered(self) -> Result<web_sys::Response, ApiError> {
        let mut headers = vec![
            ("Accept", "application/json"),
            ("Accept-Language", header_value(self.lang)),
        ];
        if self.json.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        if let Some(key) = self.key {
            headers.push(("Idempotency-Key", key.as_str()));
        }
        let signal = self.requests.signal();
        let response = http::fetch(
            self.method,
            self.path,
            &headers,
            self.json.as_deref(),
            signal.as_ref(),
        )
        .await?;
        let status = response.status();
        if (200..300).contains(&status) {
            return Ok(response);
        }
        // A body cut off mid-way is a network failure, not a server answer.
        let text = http::text(&response).await?;
        if status == 401 && self.on_401 == On401::Hook {
            unauthenticated();
        }
        Err(ApiError::from_answer(status, &text))
    }

    /// The 2xx answer's body decoded as `T`.
    pub(crate) async fn decode<T: DeserializeOwned>(self) -> Result<T, ApiError> {
        let response = self.answered().await?;
        let status = response.status();
        let text = http::text(&response).await?;
        serde_json::from_str(&text).map_err(|_| ApiError::Unexpected { status })
    }

    /// The 2xx answer, its body unread (none expected).
    #[cfg(feature = "staff")]
    pub(crate) async fn done(self) -> Result<(), ApiError> {
        self.answered().await.map(|_| ())
    }

    /// The 2xx answer's body as a blob typed by its `Content-Type`.
    #[cfg(feature = "staff")]
    pub(crate) async fn blob(self) -> Result<web_sys::Blob, ApiError> {
        Ok(http::blob(&self.answered().await?).await?)
    }
}
