//! `GET /api/regions` (provinces) and `GET /api/regions/{code}` (children of a region): the data
//! of the cascading pickers. The browser bundles region codes for validation but no names.

use crate::http::{ApiError, ApiResult, RequestContext};
use shared::api::RegionEntry;
use shared::domain::RegionCode;
use shared::regions::BundledRegions;
use worker::Response;

pub async fn provinces(_ctx: &RequestContext) -> ApiResult<Response> {
    region_list(&BundledRegions.provinces())
}

pub async fn children(code: &str, _ctx: &RequestContext) -> ApiResult<Response> {
    let code = RegionCode::parse(code).map_err(|_| ApiError::MALFORMED)?;
    let children = BundledRegions.children(code);
    if children.is_empty() {
        return Err(ApiError::NOT_FOUND);
    }
    region_list(&children)
}

fn region_list(list: &[RegionEntry]) -> ApiResult<Response> {
    let mut resp = Response::from_json(&list)?;
    // The region list changes by decree, a few times a year: let browsers and the edge cache it.
    resp.headers_mut()
        .set("Cache-Control", "public, max-age=86400")?;
    Ok(resp)
}
