//! Fuzz target: the codec entry point (format sniffing, raster decoders, WSQ, resampling).
#![no_main]

use biometrics::codec::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first two bytes choose the claimed resolution, so resampling is exercised too.
    if data.len() < 2 {
        return;
    }
    let ppi = u16::from_le_bytes([data[0], data[1]]) % 1200;
    if let Ok(image) = decode(&data[2..], ppi) {
        assert_eq!(image.pixels.len(), image.width * image.height);
    }
});
