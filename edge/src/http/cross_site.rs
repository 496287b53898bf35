//! Refuses state-changing requests that a browser sent on behalf of another site (CSRF), on
//! every route, instead of relying on the session cookie's SameSite alone: a browser says where
//! a request came from in `Sec-Fetch-Site` (all current browsers) or at least `Origin`.
//! Requests with neither come from programs, not browsers, and carry no ambient cookie risk.

use super::parse::fetch_site::may_write;
use super::{ApiError, ApiResult};
use shared::api::ErrorCode;
use worker::{Method, Request};

pub fn refuse_cross_site(req: &Request) -> ApiResult<()> {
    if matches!(req.method(), Method::Get | Method::Head | Method::Options) {
        return Ok(());
    }
    let header = |name: &str| req.headers().get(name).ok().flatten();
    let own_origin = req.url().ok().map(|u| u.origin().ascii_serialization());
    let (site, origin) = (header("sec-fetch-site"), header("origin"));
    if may_write(site.as_deref(), origin.as_deref(), own_origin.as_deref()) {
        Ok(())
    } else {
        Err(ApiError::Code(ErrorCode::Forbidden))
    }
}
