//! Decoding the queue's base64 wire templates into engine templates, dropping unusable ones.

use base64::Engine as _;
use biometrics::params::MIN_USABLE_MINUTIAE;
use biometrics::template::wire;
use biometrics::Template;
use shared::api::FingerTemplate;

/// Usable fingers by ISO position (1-10), at most one per position. A template that does not
/// decode, has too few minutiae or a position outside 1-10 is left out (as if not captured).
pub fn usable(fingers: &[FingerTemplate]) -> Vec<(u8, Template)> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut out: Vec<(u8, Template)> = Vec::new();
    for f in fingers {
        if !(1..=10).contains(&f.position) || out.iter().any(|(p, _)| *p == f.position) {
            continue;
        }
        let Ok(bytes) = b64.decode(&f.template) else {
            continue;
        };
        let Ok(t) = wire::decode(&bytes) else {
            continue;
        };
        if t.minutiae.len() >= MIN_USABLE_MINUTIAE {
            out.push((f.position, t));
        }
    }
    out
}
