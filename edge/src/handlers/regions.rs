//! `GET /api/regions/{code}`: children of a region for the cascading pickers (villages included,
//! which the browser does not bundle).

use crate::http::{ApiError, ApiResult, RequestContext};
use shared::domain::RegionCode;
use shared::regions::BundledRegions;
use worker::Response;

pub async fn children(code: &str, _ctx: &RequestContext) -> ApiResult<Response> {
    let code = RegionCode::parse(code).map_err(|_| ApiError::MALFORMED)?;
    let children = BundledRegions.children(code);
    if children.is_empty() {
        return Err(ApiError::NOT_FOUND);
    }
    let mut resp = Response::from_json(&children)?;
    // The region list changes by decree, a few times a year: let browsers and the edge cache it.
    resp.headers_mut()
        .set("Cache-Control", "public, max-age=86400")?;
    Ok(resp)
}
