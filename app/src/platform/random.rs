//! Randomness from the browser's CSPRNG.

/// 128 random bits as 32 lowercase hex digits: the draft's idempotency key. `None` only when the
/// browser has no `crypto` (then the caller cannot offer safe retries and says so).
pub fn hex_128() -> Option<String> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
