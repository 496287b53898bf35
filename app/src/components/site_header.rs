//! The top bar on every page: the office's name (a link home), the language switch, and a notice
//! while the device is offline.

use super::LangToggle;
use crate::i18n::{t, OFFICE_NAME, OFFLINE_NOTICE, SKIP_TO_CONTENT};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// Header with brand, language toggle and offline banner.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let online = RwSignal::new(
        web_sys::window()
            .map(|w| w.navigator().on_line())
            .unwrap_or(true),
    );
    if let Some(w) = web_sys::window() {
        // The listeners live as long as the page: the header is never unmounted.
        for (event, state) in [("online", true), ("offline", false)] {
            let cb = Closure::<dyn Fn()>::new(move || online.set(state));
            let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
            cb.forget();
        }
    }
    view! {
        <a class="skip" href="#main">{t(SKIP_TO_CONTENT)}</a>
        <header class="site-header">
            <a href="/" class="brand">
                <span class="brand-mark" aria-hidden="true">"KTP-el"</span>
                <span class="brand-name">{t(OFFICE_NAME)}</span>
            </a>
            <LangToggle/>
        </header>
        <p class="offline-notice" role="status" hidden=move || online.get()>
            {t(OFFLINE_NOTICE)}
        </p>
    }
}
