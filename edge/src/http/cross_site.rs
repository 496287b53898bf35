//! Refuses state-changing requests that a browser sent on behalf of another site (CSRF), on
//! every route, instead of relying on the session cookie's SameSite alone: a browser says where
//! a request came from in `Sec-Fetch-Site` (all current browsers) or at least `Origin`.
//! Requests with neither come from programs, not browsers, and carry no ambient cookie risk.

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

/// Whether a state-changing request with these `Sec-Fetch-Site` and `Origin` headers may go on,
/// the worker's own origin being `own_origin`: where the browser says it sent it from decides,
/// else the page's origin, else (no browser) nothing stands in the way.
pub fn may_write(
    sec_fetch_site: Option<&str>,
    origin: Option<&str>,
    own_origin: Option<&str>,
) -> bool {
    match (sec_fetch_site, origin) {
        (Some(site), _) => same_site_fetch(site),
        (None, Some(origin)) => own_origin == Some(origin),
        (None, None) => true,
    }
}

/// `same-origin`, or `none` (typed by the user, not sent by a page); never `same-site` (a
/// sibling subdomain is another party) nor `cross-site`.
fn same_site_fetch(value: &str) -> bool {
    matches!(value.trim(), "same-origin" | "none")
}

#[cfg(test)]
mod tests {
    use super::same_site_fetch;

    #[test]
    fn only_the_own_origin_or_the_user_may_write() {
        assert!(same_site_fetch("same-origin"));
        assert!(same_site_fetch("none"));
        assert!(!same_site_fetch("same-site"));
        assert!(!same_site_fetch("cross-site"));
        assert!(!same_site_fetch(""));
    }
}
