//! Request ids: every response carries one, and every log line about a request names it.

/// Cloudflare's own ray id when present (it ties our logs to the platform's); otherwise a random id.
pub fn request_id(req: &worker::Request) -> String {
    if let Ok(Some(ray)) = req.headers().get("cf-ray") {
        return ray;
    }
    let mut bytes = [0u8; 8];
    getrandom::getrandom(&mut bytes).expect("Web Crypto getRandomValues");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
