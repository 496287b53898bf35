//! The fingerprint engine: decoding scanner images, extracting minutiae templates and matching them.
//!
//! Pure computation: no I/O, no clock, no threads. It builds natively and for `wasm32-unknown-unknown`.

pub mod codec;
pub mod template;
mod types;

pub use types::{GrayImage, Minutia, MinutiaKind, Template, STANDARD_PPI};
