//! The one error type for decoding stored and exchanged templates (wire form and ISO 19794-2).

/// Why bytes were refused as a template. Every variant names what was wrong, so a log line is
/// enough to tell a truncated upload from a foreign format or a corrupted field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// The bytes end before a field that must be there.
    Truncated { needed: usize, available: usize },
    /// The leading magic is not this format's.
    BadMagic,
    /// A version this code does not read.
    UnsupportedVersion(u32),
    /// A declared length disagrees with the bytes actually present.
    LengthMismatch { declared: usize, actual: usize },
    /// A field holds a value outside its allowed range.
    OutOfRange { field: &'static str, value: u32 },
    /// A minutia lies outside the declared image frame.
    MinutiaOutsideFrame { index: usize, x: u32, y: u32 },
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Truncated { needed, available } => {
                write!(
                    f,
                    "template truncated: need {needed} bytes, have {available}"
                )
            }
            Self::BadMagic => write!(f, "not a template of this format (bad magic)"),
            Self::UnsupportedVersion(v) => write!(f, "unsupported template version {v:#x}"),
            Self::LengthMismatch { declared, actual } => {
                write!(
                    f,
                    "template length {actual} does not match declared {declared}"
                )
            }
            Self::OutOfRange { field, value } => {
                write!(f, "template field {field} out of range: {value}")
            }
            Self::MinutiaOutsideFrame { index, x, y } => {
                write!(
                    f,
                    "minutia {index} at ({x}, {y}) lies outside the image frame"
                )
            }
        }
    }
}

impl std::error::Error for TemplateError {}
