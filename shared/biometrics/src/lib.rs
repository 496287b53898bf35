//! The fingerprint engine: decoding scanner images, extracting minutiae templates and matching them.
//!
//! Pure computation: no I/O, no clock, no threads. It builds natively and for `wasm32-unknown-unknown`.
//! The image decoders (`codec`) are a default feature: code that only handles templates leaves
//! them, and the `image` crate, out.

#[cfg(feature = "codec")]
pub mod codec;
mod extractor;
mod matcher;
pub mod params;
mod primitives;
pub mod search;
pub mod template;
pub mod trace;
mod types;

pub use extractor::{extract, extract_traced};
pub use matcher::{
    explain, AlignedMinutia, MatchExplanation, MatchedPair, MatcherProbe, SearchTemplate,
};
pub use types::{GrayImage, Minutia, MinutiaKind, Template, STANDARD_PPI};
