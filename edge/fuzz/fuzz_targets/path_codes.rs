//! Fuzz target: the codes the edge reads out of a URL path before anything else, on public routes
//! too: a registration code (`/api/status/{code}`, the staff detail by code), a shipment's manifest
//! code and a region code (`/api/regions/{code}`). Input: the path segment as text. Whatever is
//! accepted is a code whose own text reads back as the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shared::domain::{ManifestCode, RegionCode, RegistrationCode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(code) = RegistrationCode::parse(text) {
        for written in [code.to_string(), code.compact()] {
            assert!(RegistrationCode::parse(&written) == Ok(code), "{text:?}");
        }
    }
    if let Ok(code) = ManifestCode::parse(text) {
        assert_eq!(ManifestCode::parse(&code.to_string()), Ok(code), "{text:?}");
    }
    if let Ok(code) = RegionCode::parse(text) {
        assert_eq!(RegionCode::parse(&code.to_string()), Ok(code), "{text:?}");
    }
});
