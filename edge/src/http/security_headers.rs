//! Security headers added to every response, API and static files alike.

use worker::{Headers, Response, Result};

/// The app is one origin with no inline script or style: everything comes from 'self'.
/// `wasm-unsafe-eval` is what instantiating WebAssembly needs; `blob:` carries camera frames and
/// image previews made in the browser; `data:` carries generated QR images.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; \
worker-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

const HEADERS: [(&str, &str); 6] = [
    ("X-Content-Type-Options", "nosniff"),
    // Browsers keep to HTTPS for a year once they have seen this over HTTPS (over plain HTTP,
    // as in the local run, they ignore it).
    (
        "Strict-Transport-Security",
        "max-age=31536000; includeSubDomains",
    ),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "camera=(self), microphone=(), geolocation=(), payment=()",
    ),
    ("Cross-Origin-Opener-Policy", "same-origin"),
];

/// Returns the response with the security headers set. Responses from the assets binding have
/// immutable headers, so the body and status are carried into a fresh response.
pub fn secure(resp: Response) -> Result<Response> {
    let headers = Headers::new();
    for (name, value) in resp.headers().entries() {
        headers.set(&name, &value)?;
    }
    for (name, value) in HEADERS {
        headers.set(name, value)?;
    }
    // A stored file's answer brings its own stricter policy (`stored_file`); all else the app's.
    if !headers.has("Content-Security-Policy")? {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY)?;
    }
    let status = resp.status_code();
    Ok(resp.with_headers(headers).with_status(status))
}
