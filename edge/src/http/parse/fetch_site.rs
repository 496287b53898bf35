//! Whether a state-changing request may go on, by what the browser says about where it came from
//! (`http::cross_site` reads the headers).

/// A write with these `Sec-Fetch-Site` and `Origin` headers, the worker's own origin being
/// `own_origin`: where the browser says it sent it from decides, else the page's origin, else
/// (no browser) nothing stands in the way.
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
    use super::{may_write, same_site_fetch};

    #[test]
    fn only_the_own_origin_or_the_user_may_write() {
        assert!(same_site_fetch("same-origin"));
        assert!(same_site_fetch("none"));
        assert!(!same_site_fetch("same-site"));
        assert!(!same_site_fetch("cross-site"));
        assert!(!same_site_fetch(""));
    }

    #[test]
    fn origin_counts_only_without_fetch_metadata() {
        let own = Some("https://rekam.example");
        assert!(may_write(None, own, own));
        assert!(!may_write(None, Some("https://other.example"), own));
        assert!(!may_write(Some("cross-site"), own, own));
        assert!(may_write(None, None, own));
    }
}
