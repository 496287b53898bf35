//! Answers that carry a stored file (a resident's document, a face, a signature): the type is
//! what the bytes are, never what an uploader declared, and the browser is told to download
//! rather than render it, in a sandbox with nothing allowed should it render anyway. A file
//! crafted to look like HTML or script therefore never runs in the app's origin.

use super::parse::served_type::served_type;
use worker::{Response, Result};

/// The response for a stored file's bytes, named `name` (without extension) when saved.
pub fn respond(bytes: Vec<u8>, name: &str) -> Result<Response> {
    let (content_type, extension) = served_type(&bytes);
    let mut resp = Response::from_bytes(bytes)?;
    let headers = resp.headers_mut();
    headers.set("Content-Type", content_type)?;
    headers.set(
        "Content-Disposition",
        &format!("attachment; filename=\"{name}.{extension}\""),
    )?;
    headers.set("Content-Security-Policy", "sandbox; default-src 'none'")?;
    headers.set("Cache-Control", "private, no-store")?;
    Ok(resp)
}
