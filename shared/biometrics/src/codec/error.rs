//! The one error type for turning scanner bytes into an image.

/// Why bytes could not be decoded into a fingerprint image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Neither WSQ nor a raster format the `image` crate was built with.
    UnknownFormat,
    /// The bytes end before the structure they declare.
    Truncated,
    /// A WSQ field or structure is invalid; the text names which.
    Malformed(&'static str),
    /// A valid WSQ feature this decoder deliberately does not implement.
    Unsupported(&'static str),
    /// The `image` crate refused a raster file; its message, for logs.
    Raster(String),
    /// Declared dimensions above the limit, refused before any pixel buffer is allocated.
    TooLarge { width: u32, height: u32 },
    /// A resolution outside the range a fingerprint scanner produces.
    ResolutionOutOfRange(u16),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownFormat => write!(f, "unknown image format"),
            Self::Truncated => write!(f, "image data truncated"),
            Self::Malformed(why) => write!(f, "malformed image: {why}"),
            Self::Unsupported(what) => write!(f, "unsupported image feature: {what}"),
            Self::Raster(why) => write!(f, "raster image rejected: {why}"),
            Self::TooLarge { width, height } => write!(f, "image too large: {width}x{height}"),
            Self::ResolutionOutOfRange(ppi) => write!(f, "resolution {ppi} ppi out of range"),
        }
    }
}

impl std::error::Error for DecodeError {}
