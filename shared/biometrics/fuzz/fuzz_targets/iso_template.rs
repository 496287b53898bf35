//! Fuzz target: ISO 19794-2 import; accepted records keep minutiae in frame and survive export.
#![no_main]

use biometrics::template::{from_iso, to_iso};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(fingers) = from_iso(data) {
        for finger in fingers {
            let t = &finger.template;
            assert!(t.minutiae.iter().all(|m| m.x < t.width && m.y < t.height));
            let again = from_iso(&to_iso(t, finger.finger_position)).unwrap();
            assert_eq!(&again[0].template, t);
        }
    }
});
