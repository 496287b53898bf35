//! Randomness from Web Crypto, for ids, tokens and registration codes.

pub fn bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).expect("Web Crypto getRandomValues");
    bytes
}

pub fn hex<const N: usize>() -> String {
    to_hex(&bytes::<N>())
}

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
