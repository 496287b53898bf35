//! The `public` bundle: the landing page, the status pages anyone may open with a code, and the
//! receipt shown after sending (it needs only the code in its URL), and `/v`, the Surat
//! Keterangan check.

use super::segments;
use crate::app::NotFound;
use crate::public::{StatusLookup, StatusPage, VerifyPage};
use crate::resident::{Landing, SubmittedPage};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    Landing,
    Submitted(String),
    StatusLookup,
    Status(String),
    Verify,
    NotFound,
}

impl Page {
    pub fn of(path: &str) -> Page {
        match segments(path).as_slice() {
            [] => Page::Landing,
            ["daftar", "selesai", code] => Page::Submitted(code.to_string()),
            ["s"] => Page::StatusLookup,
            ["s", code] => Page::Status(code.to_string()),
            ["v"] => Page::Verify,
            _ => Page::NotFound,
        }
    }

    pub fn view(self) -> AnyView {
        match self {
            Page::Landing => view! { <Landing/> }.into_any(),
            Page::Submitted(code) => view! { <SubmittedPage code/> }.into_any(),
            Page::StatusLookup => view! { <StatusLookup/> }.into_any(),
            Page::Status(code) => view! { <StatusPage code/> }.into_any(),
            Page::Verify => view! { <VerifyPage/> }.into_any(),
            Page::NotFound => view! { <NotFound/> }.into_any(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Page;

    #[test]
    fn public_paths_pick_their_page() {
        assert_eq!(Page::of("/"), Page::Landing);
        assert_eq!(
            Page::of("/daftar/selesai/K7Q"),
            Page::Submitted("K7Q".into())
        );
        assert_eq!(Page::of("/s"), Page::StatusLookup);
        assert_eq!(Page::of("/s/K7Q"), Page::Status("K7Q".into()));
        assert_eq!(Page::of("/v"), Page::Verify);
        for p in ["/s/a/b", "/daftar/selesai", "/x", "/v/x"] {
            assert_eq!(Page::of(p), Page::NotFound, "{p}");
        }
    }
}
