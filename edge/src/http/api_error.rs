//! The one place where errors cross HTTP: every failure becomes an `ErrorBody` with its status
//! (from `shared`) and the request id. Internal detail is logged under that id, never sent.

use shared::api::{ErrorBody, ErrorCode, FieldError};
use shared::i18n::Lang;
use worker::Response;

#[derive(Debug)]
pub enum ApiError {
    /// Any error fully described by its code (400 malformed, 404, 405, 409, 413...).
    Code(ErrorCode),
    /// 422: every field problem at once.
    Validation(Vec<FieldError>),
    /// 429 with the seconds to wait.
    RateLimited { retry_after_s: u64 },
    /// 500: logged with the request id, shown to the client only as "something went wrong".
    Internal(String),
}

impl ApiError {
    pub const NOT_FOUND: ApiError = ApiError::Code(ErrorCode::NotFound);
    pub const MALFORMED: ApiError = ApiError::Code(ErrorCode::MalformedRequest);
    pub const TOO_LARGE: ApiError = ApiError::Code(ErrorCode::PayloadTooLarge);

    fn code(&self) -> ErrorCode {
        match self {
            ApiError::Code(code) => *code,
            ApiError::Validation(_) => ErrorCode::ValidationFailed,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    pub fn into_response(self, lang: Lang, request_id: &str) -> worker::Result<Response> {
        let code = self.code();
        let mut body = ErrorBody::new(code, lang, request_id);
        match &self {
            ApiError::Validation(fields) => body.fields = fields.clone(),
            ApiError::Internal(detail) => worker::console_error!("request {request_id}: {detail}"),
            _ => {}
        }
        let mut resp = Response::from_json(&body)?.with_status(code.http_status());
        if let ApiError::RateLimited { retry_after_s } = self {
            resp.headers_mut()
                .set("Retry-After", &retry_after_s.to_string())?;
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
