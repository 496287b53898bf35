//! The `resident` bundle: the pre-fill form alone, the page a resident's phone loads first.

use super::segments;
use crate::app::NotFound;
use crate::resident::PrefillPage;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    Prefill,
    NotFound,
}

impl Page {
    pub fn of(path: &str) -> Page {
        match segments(path).as_slice() {
            ["daftar"] => Page::Prefill,
            _ => Page::NotFound,
        }
    }

    pub fn view(self) -> AnyView {
        match self {
            Page::Prefill => view! { <PrefillPage/> }.into_any(),
            Page::NotFound => view! { <NotFound/> }.into_any(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Page;

    #[test]
    fn only_the_form_is_here() {
        assert_eq!(Page::of("/daftar"), Page::Prefill);
        assert_eq!(Page::of("/daftar/"), Page::Prefill);
        assert_eq!(Page::of("/"), Page::NotFound);
    }
}
