//! HTTP plumbing shared by all handlers: errors, headers, request context.

pub mod api_error;
pub mod context;
pub mod request_id;
pub mod security_headers;

pub use api_error::{ApiError, ApiResult};
pub use context::RequestContext;
