//! Fuzz target: the WSQ decoder must return Ok or Err on any bytes, within the size limits.
#![no_main]

use biometrics::codec::{decode_wsq, MAX_SOURCE_SIDE_PX};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = decode_wsq(data) {
        let max = MAX_SOURCE_SIDE_PX as usize;
        assert!(decoded.image.width <= max && decoded.image.height <= max);
    }
});
