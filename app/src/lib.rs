//! Rekam browser app: the resident pre-fill, the public status page and the staff consoles.
//!
//! Layout by product surface: `public/` (status), `resident/` (pre-fill), `kecamatan/`, `dinas/`
//! and `staff/` (consoles, only with the `staff` feature), `extraction/` (the staff Web Worker's job),
//! `components/` (shared widgets), `api/` (the one typed HTTP client over `shared::api`), `i18n/`
//! (UI strings, id/en), `nav/` (the path as a signal, in-app navigation), `loader` (data fetched
//! for a view), `platform/` (thin wrappers over fetch, browser storage, canvas and randomness).
//!
//! One crate, three bundles (`routes/`): without features the pre-fill form (`resident`), with
//! `public` the landing and status pages, with `staff` the consoles. The linker keeps in each
//! only what its route table reaches.

#[cfg(feature = "staff")]
pub mod admin;
pub mod api;
mod app;
pub mod components;
#[cfg(feature = "staff")]
pub mod dinas;
#[cfg(feature = "staff")]
pub mod extraction;
pub mod i18n;
#[cfg(feature = "staff")]
pub mod kecamatan;
pub mod loader;
pub mod nav;
pub mod platform;
pub mod public;
pub mod resident;
mod routes;
#[cfg(feature = "staff")]
pub mod staff;

pub use app::App;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point run by `boot.js` once the wasm module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    // The shell's "loading" line (index.html) gives way to the app.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
