//! Staff-side plumbing shared by the consoles: sign-in page, session, the staff API client, the
//! device storage and the offline outbox.

pub mod api;
pub mod outbox;
pub mod session;
mod sign_in_page;
pub mod store;

pub use sign_in_page::SignInPage;

/// Adds the console's stylesheet to the page once. Loaded here rather than from `index.html`
/// so that residents' phones never download it.
pub fn ensure_staff_css() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("staff-css").is_some() {
        return;
    }
    if let (Ok(link), Some(head)) = (doc.create_element("link"), doc.head()) {
        let _ = link.set_attribute("id", "staff-css");
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", "/staff.css");
        let _ = head.append_child(&link);
    }
}

/// Asks the service worker to keep the staff Web Worker's files (the fingerprint engine, about
/// 390 KB) for offline use, so a tablet that loses the line before its first recording still reads
/// fingerprints. Only staff screens ask: residents' phones never download the engine. Untyped
/// (`Reflect`) because this is the app's one use of the service worker API.
pub fn precache_worker() {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsCast;
    let get = |target: &wasm_bindgen::JsValue, name: &str| Reflect::get(target, &name.into()).ok();
    let Some(ready) = web_sys::window()
        .and_then(|w| get(&w.navigator(), "serviceWorker"))
        .filter(|c| !c.is_undefined())
        .and_then(|c| get(&c, "ready"))
        .and_then(|r| r.dyn_into::<Promise>().ok())
    else {
        return;
    };
    leptos::task::spawn_local(async move {
        // Resolves once a service worker is active (on a first visit, after it installed).
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let Some(active) = get(&registration, "active").filter(|a| !a.is_null()) else {
            return;
        };
        if let Some(post) = get(&active, "postMessage").and_then(|p| p.dyn_into::<Function>().ok())
        {
            let _ = post.call1(&active, &"precache-staff".into());
        }
    });
}

/// Sends panic messages to the browser console (the release build otherwise only shows
/// "unreachable"), so a failure on a tablet can be read from its developer tools.
pub fn install_panic_hook() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("rekam panic: {info}").into());
        }));
    });
}
