//! Why an API call did not give its answer: a value the view renders in the user's language.

use crate::i18n::{NETWORK_ERROR, UNEXPECTED_RESPONSE};
use crate::platform::http;
use shared::api::{ErrorBody, ErrorCode};
use shared::i18n::Lang;

/// Why an API call did not give its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: offline, the connection dropped, the server is unreachable, or the view
    /// that asked went away (its requests are aborted, and nobody is left to show the answer).
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
