//! Decoding the queue's base64 wire templates into engine templates, dropping unusable ones, and
//! the screening codes of a decoded person. Each holder of templates decodes them once: the
//! coordinator per job, a shard per search request.

use base64::Engine as _;
use biometrics::params::MIN_USABLE_MINUTIAE;
use biometrics::search::{FingerCode, FINGER_POSITIONS};
use biometrics::template::wire;
use biometrics::Template;
use shared::api::FingerTemplate;

/// Usable fingers by ISO position (1-10), at most one per position. A template that does not
/// decode, has too few minutiae or a position outside 1-10 is left out (as if not captured).
pub fn usable(fingers: &[FingerTemplate]) -> Vec<(u8, Template)> {
    usable_with_wire(fingers).1
}

/// [`usable`], plus the wire form of the same fingers (so they can be sent on without the
/// fingers that would only be decoded and dropped again).
pub fn usable_with_wire(fingers: &[FingerTemplate]) -> (Vec<FingerTemplate>, Vec<(u8, Template)>) {
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut wire_out = Vec::new();
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
            wire_out.push(f.clone());
        }
    }
    (wire_out, out)
}

/// Screening codes by position of a person's usable fingers.
pub fn codes_of(fingers: &[(u8, Template)]) -> [Option<FingerCode>; FINGER_POSITIONS] {
    let mut codes: [Option<FingerCode>; FINGER_POSITIONS] = Default::default();
    for (p, t) in fingers {
        codes[usize::from(*p) - 1] = Some(FingerCode::new(t));
    }
    codes
}
