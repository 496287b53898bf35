//! The root component: language context, page chrome and the route table.

use crate::components::SiteHeader;
use crate::i18n::{provide_lang, use_lang, Tr, NOT_FOUND_TITLE, PAGE_TITLE};
use crate::kecamatan::{
    ApplicationPage, KecamatanShell, OutboxPage, QueuePage, ReceiptPage, RecordingPage,
};
use crate::public::{StatusLookup, StatusPage};
use crate::resident::{Landing, PrefillPage, SubmittedPage};
use crate::staff::SignInPage;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes, A};
use leptos_router::path;

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
            <main id="main" class="page">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Landing/>
                    <Route path=path!("/daftar") view=PrefillPage/>
                    <Route path=path!("/daftar/selesai/:code") view=SubmittedPage/>
                    <Route path=path!("/s") view=StatusLookup/>
                    <Route path=path!("/s/:code") view=StatusPage/>
                    // Staff (kecamatan console, issue #5).
                    <Route path=path!("/staf/masuk") view=SignInPage/>
                    <ParentRoute path=path!("/kecamatan") view=KecamatanShell>
                        <Route path=path!("") view=QueuePage/>
                        <Route path=path!("baru") view=crate::kecamatan::WalkInPage/>
                        <Route path=path!("kiriman") view=OutboxPage/>
                        <Route path=path!("permohonan/:id") view=ApplicationPage/>
                        <Route path=path!("permohonan/:id/rekam") view=RecordingPage/>
                        <Route path=path!("permohonan/:id/tanda-bukti") view=ReceiptPage/>
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
    }
}

/// Shown for any path the router does not know.
#[component]
fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let t = move |tr: Tr| move || tr.get(lang.get());
    view! {
        <h1>{t(NOT_FOUND_TITLE)}</h1>
        <p><A href="/">{t(crate::i18n::BACK_HOME)}</A></p>
    }
}
