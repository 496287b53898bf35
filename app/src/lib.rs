//! Rekam browser app: the resident pre-fill, the public status page and (later) the staff consoles.
//!
//! Layout by product surface: `public/` (status), `resident/` (pre-fill), `components/` (shared
//! widgets), `api` (the one typed HTTP client over `shared::api`), `i18n/` (UI strings, id/en),
//! `platform/` (thin wrappers over browser storage, canvas and randomness).

pub mod api;
mod app;
pub mod components;
pub mod extraction;
pub mod i18n;
pub mod kecamatan;
pub mod platform;
pub mod public;
pub mod resident;
pub mod staff;

pub use app::App;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point run by `boot.js` once the wasm module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    leptos::mount::mount_to_body(App);
}
