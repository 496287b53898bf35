//! The type a stored upload is served as: what its bytes are, never what an uploader declared.

use shared::validation::sniff;

/// The content type and file extension: a JPEG, a PNG or a PDF by its bytes, else opaque bytes.
pub fn served_type(bytes: &[u8]) -> (&'static str, &'static str) {
    match sniff(bytes) {
        Some("image/jpeg") => ("image/jpeg", "jpg"),
        Some("image/png") => ("image/png", "png"),
        Some("application/pdf") => ("application/pdf", "pdf"),
        _ => ("application/octet-stream", "bin"),
    }
}
