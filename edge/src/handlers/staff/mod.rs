//! Staff endpoints on applications, one file per job. Handlers parse the request into shared
//! types, call a service and shape the response; reach (kecamatan scoping), audit and
//! idempotency live in the services.

pub mod actions;
pub mod cards;
pub mod detail;
pub mod documents;
pub mod queue;
pub mod receipt;
pub mod recording;

use crate::http::{ApiResult, RequestContext};
use crate::services::auth::{self, Principal};
use crate::services::idempotency::Answer;
use crate::services::staff_reads;
use worker::{Request, Response};

/// The signed-in staff member, if their role reads applications at all.
async fn reader(req: &Request, ctx: &RequestContext) -> ApiResult<Principal> {
    staff_reads::reader(auth::principal(req, ctx).await?)
}

/// A write's answer (first or replayed) as the HTTP response.
pub(crate) fn respond(answer: Answer) -> ApiResult<Response> {
    let mut resp = Response::from_bytes(answer.body.into_bytes())?.with_status(answer.status);
    resp.headers_mut().set("Content-Type", "application/json")?;
    Ok(resp)
}
