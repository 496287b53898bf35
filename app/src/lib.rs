//! Rekam browser app: the resident pre-fill, the public status page and the staff consoles.
//!
//! Layout by product surface: `public/` (status), `resident/` (pre-fill), `kecamatan/` and
//! `staff/` (consoles, only with the `staff` feature), `extraction/` (the staff Web Worker's job),
//! `components/` (shared widgets), `api` (the one typed HTTP client over `shared::api`), `i18n/`
//! (UI strings, id/en), `platform/` (thin wrappers over browser storage, canvas and randomness).
//!
//! One crate, two bundles: the default build is what residents and the public load; the `staff`
//! feature builds the consoles. `app.rs` holds the route table of each.

pub mod api;
mod app;
pub mod components;
#[cfg(feature = "staff")]
pub mod extraction;
pub mod i18n;
#[cfg(feature = "staff")]
pub mod kecamatan;
pub mod platform;
pub mod public;
pub mod resident;
#[cfg(feature = "staff")]
pub mod staff;

pub use app::App;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point run by `boot.js` once the wasm module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(App);
}
