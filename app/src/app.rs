//! The root component: language context, page chrome and the route table of this bundle.

use crate::components::SiteHeader;
use crate::i18n::{provide_lang, use_lang, Tr, NOT_FOUND_TITLE, PAGE_TITLE};
use leptos::prelude::*;
use leptos_router::components::{Router, Routes, A};
use leptos_router::hooks::use_location;

/// The whole app. Routes are flat and short: residents read them aloud and type them.
#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    let lang = use_lang();
    // Keep the document title in the chosen language (screen readers announce it).
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(PAGE_TITLE.get(lang.get()));
        }
    });
    view! {
        <Router>
            <SiteHeader/>
            <main id="main" class="page">{routes}</main>
        </Router>
    }
}

/// Residents and the public: pre-fill and status.
#[cfg(not(feature = "staff"))]
fn routes() -> impl IntoView {
    use crate::public::{StatusLookup, StatusPage};
    use crate::resident::{Landing, PrefillPage, SubmittedPage};
    use leptos_router::components::Route;
    use leptos_router::path;
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/") view=Landing/>
            <Route path=path!("/daftar") view=PrefillPage/>
            <Route path=path!("/daftar/selesai/:code") view=SubmittedPage/>
            <Route path=path!("/s") view=StatusLookup/>
            <Route path=path!("/s/:code") view=StatusPage/>
        </Routes>
    }
}

/// Staff: sign-in and the kecamatan console (issue #5).
#[cfg(feature = "staff")]
fn routes() -> impl IntoView {
    use crate::kecamatan::{
        ApplicationPage, KecamatanShell, OutboxPage, QueuePage, ReceiptPage, RecordingPage,
        WalkInPage,
    };
    use crate::staff::SignInPage;
    use leptos_router::components::{ParentRoute, Route};
    use leptos_router::path;
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/staf/masuk") view=SignInPage/>
            <ParentRoute path=path!("/kecamatan") view=KecamatanShell>
                <Route path=path!("") view=QueuePage/>
                <Route path=path!("baru") view=WalkInPage/>
                <Route path=path!("kiriman") view=OutboxPage/>
                <Route path=path!("permohonan/:id") view=ApplicationPage/>
                <Route path=path!("permohonan/:id/rekam") view=RecordingPage/>
                <Route path=path!("permohonan/:id/tanda-bukti") view=ReceiptPage/>
            </ParentRoute>
        </Routes>
    }
}

/// Whether `path` belongs to the staff bundle. `boot.js` applies the same rule when it picks the
/// bundle to load, so a link across bundles becomes one full page load, never a loop.
pub fn is_staff_path(path: &str) -> bool {
    ["/staf", "/kecamatan", "/dinas"].iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// Shown for any path this bundle does not know; a path of the other bundle is loaded in full.
#[component]
fn NotFound() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    if is_staff_path(&path) != cfg!(feature = "staff") {
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign(&path);
        }
        return ().into_any();
    }
    let lang = use_lang();
    let t = move |tr: Tr| move || tr.get(lang.get());
    view! {
        <h1>{t(NOT_FOUND_TITLE)}</h1>
        <p><A href="/">{t(crate::i18n::BACK_HOME)}</A></p>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::is_staff_path;

    #[test]
    fn staff_paths_are_whole_segments() {
        for p in [
            "/staf/masuk",
            "/kecamatan",
            "/kecamatan/permohonan/x/rekam",
            "/dinas",
        ] {
            assert!(is_staff_path(p), "{p}");
        }
        for p in ["/", "/daftar", "/s/ABC", "/stafx", "/kecamatanku", "/s"] {
            assert!(!is_staff_path(p), "{p}");
        }
    }
}
