//! Template storage and exchange formats (the versioned wire form and ISO/IEC 19794-2:2005).

mod error;
mod iso19794_2;
mod reader;
pub mod wire;

pub use error::TemplateError;
pub use iso19794_2::{from_iso, to_iso, IsoFinger};
