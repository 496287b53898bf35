//! The one place where errors cross HTTP: every failure becomes an `ErrorBody` with a status code
//! and the request id. Internal detail is logged under that id and never sent to the client.

use shared::api::{ErrorBody, ErrorCode, FieldError};
use shared::i18n::Lang;
use worker::Response;

#[derive(Debug)]
pub enum ApiError {
    /// 400 with a specific code (malformed JSON, missing idempotency key, bad registration code...).
    BadRequest(ErrorCode),
    /// 422: every field problem at once.
    Validation(Vec<FieldError>),
    NotFound,
    MethodNotAllowed,
    /// 413: body or a file over its limit.
    TooLarge,
    /// 409: an idempotency key reused with different content.
    Conflict(ErrorCode),
    /// 429 with the seconds to wait.
    RateLimited { retry_after_s: u64 },
    /// 500: logged with the request id, shown to the client only as "something went wrong".
    Internal(String),
}

impl ApiError {
    fn status_and_code(&self) -> (u16, ErrorCode) {
        match self {
            ApiError::BadRequest(code) => (400, *code),
            ApiError::Validation(_) => (422, ErrorCode::ValidationFailed),
            ApiError::NotFound => (404, ErrorCode::NotFound),
            ApiError::MethodNotAllowed => (405, ErrorCode::MethodNotAllowed),
            ApiError::TooLarge => (413, ErrorCode::PayloadTooLarge),
            ApiError::Conflict(code) => (409, *code),
            ApiError::RateLimited { .. } => (429, ErrorCode::RateLimited),
            ApiError::Internal(_) => (500, ErrorCode::Internal),
        }
    }

    pub fn into_response(self, lang: Lang, request_id: &str) -> worker::Result<Response> {
        let (status, code) = self.status_and_code();
        let mut body = ErrorBody::new(code, lang, request_id);
        match self {
            ApiError::Validation(fields) => body.fields = fields,
            ApiError::Internal(detail) => worker::console_error!("request {request_id}: {detail}"),
            _ => {}
        }
        let mut resp = Response::from_json(&body)?.with_status(status);
        if let ApiError::RateLimited { retry_after_s } = self {
            resp.headers_mut().set("Retry-After", &retry_after_s.to_string())?;
        }
        Ok(resp)
    }
}

/// Runtime failures (bindings, storage) are internal errors: the detail goes to the log only.
impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> Self {
        ApiError::Internal(e.to_string())
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
