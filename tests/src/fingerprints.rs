//! The fingerprint scanner's images the tests feed in: ten different fingers of FVC2002 DB1_B, a
//! licensed research set kept outside the repository (next to it, or where
//! `REKAM_FVC2002_DB1_B` says).

use std::path::PathBuf;

/// Where the FVC2002 DB1_B images live, as a canonical path (chromedriver refuses to upload a
/// file by a path with `..` in it).
pub fn fvc_dir() -> PathBuf {
    let dir = std::env::var_os("REKAM_FVC2002_DB1_B")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::repo_root().join("../shared/data/fingerprints/fvc2002/DB1_B"));
    std::fs::canonicalize(&dir).unwrap_or(dir)
}

/// The scanner's image for ISO finger `position` (1-10): the first impression of ten different
/// fingers, 101_1.tif ... 110_1.tif.
pub fn finger_image(position: u8) -> PathBuf {
    fvc_dir().join(format!("{}_1.tif", 100 + u16::from(position)))
}

/// Finger names by ISO position (1-10) as the console labels them (Indonesian, the default
/// language).
pub const FINGER_NAMES: [&str; 10] = [
    "Ibu jari kanan",
    "Telunjuk kanan",
    "Jari tengah kanan",
    "Jari manis kanan",
    "Kelingking kanan",
    "Ibu jari kiri",
    "Telunjuk kiri",
    "Jari tengah kiri",
    "Jari manis kiri",
    "Kelingking kiri",
];

/// The name of ISO finger `position` (1-10).
pub fn finger_name(position: u8) -> &'static str {
    FINGER_NAMES[usize::from(position - 1)]
}
