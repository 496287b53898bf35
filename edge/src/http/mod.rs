//! HTTP plumbing shared by all handlers: errors, headers, request context.

pub mod api_error;
pub mod body;
pub mod context;
pub mod cross_site;
pub mod parse;
pub mod request_id;
pub mod security_headers;
pub mod stored_file;

pub use api_error::{ApiError, ApiResult};
pub use context::RequestContext;
