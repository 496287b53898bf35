//! Fuzz target: wire template decoding; anything accepted must re-encode to the same bytes.
#![no_main]

use biometrics::template::wire;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(template) = wire::decode(data) {
        assert_eq!(wire::encode(&template), data);
    }
});
