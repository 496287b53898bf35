//! The root component: language context, page chrome and this bundle's pages (`routes/`).

use crate::components::SiteHeader;
use crate::i18n::{provide_lang, t, use_lang, BACK_HOME, NOT_FOUND_TITLE, PAGE_TITLE};
use crate::nav::provide_location;
use crate::routes::Page;
use leptos::prelude::*;

/// The whole app. Routes are flat and short: residents read them aloud and type them.
#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    let lang = use_lang();
    let location = provide_location();
    // Keep the document title in the chosen language (screen readers announce it).
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(PAGE_TITLE.get(lang.get()));
        }
    });
    // A memo, so a query-only change or the same path again does not rebuild the page.
    let page = Memo::new(move |_| location.path.with(|p| Page::of(p)));
    view! {
        <SiteHeader/>
        <main id="main" class="page">{move || page.get().view()}</main>
    }
}

/// Shown for any path this bundle does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{t(NOT_FOUND_TITLE)}</h1>
        <p><a href="/">{t(BACK_HOME)}</a></p>
    }
}
