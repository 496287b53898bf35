//! The route tables: which wasm bundle serves a path, and which page of this bundle it shows.
//!
//! Three bundles come from this crate, so a phone downloads only what its page needs:
//! `resident` (the pre-fill form, `/daftar`), `public` (landing, status pages and the receipt
//! after sending) and `staff` (the consoles, feature `staff`). `public` is built with feature
//! `public`; no feature builds `resident`. `static/boot.js` applies the same rule as
//! [`Bundle::of`] to pick the bundle to load.

#[cfg(not(any(feature = "staff", feature = "public")))]
mod resident;
#[cfg(not(any(feature = "staff", feature = "public")))]
pub use resident::Page;

#[cfg(all(feature = "public", not(feature = "staff")))]
mod public;
#[cfg(all(feature = "public", not(feature = "staff")))]
pub use public::Page;

#[cfg(feature = "staff")]
mod staff;
#[cfg(feature = "staff")]
pub use staff::Page;

/// One of the app's wasm bundles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    Resident,
    Public,
    Staff,
}

impl Bundle {
    /// The bundle this build is (`staff` wins if both features are on, as in a lint run).
    pub const CURRENT: Bundle = if cfg!(feature = "staff") {
        Bundle::Staff
    } else if cfg!(feature = "public") {
        Bundle::Public
    } else {
        Bundle::Resident
    };

    /// The bundle that serves `path`. A link across bundles is one full page load.
    pub fn of(path: &str) -> Bundle {
        match segments(path).as_slice() {
            ["staf" | "kecamatan" | "dinas", ..] => Bundle::Staff,
            ["daftar"] => Bundle::Resident,
            _ => Bundle::Public,
        }
    }
}

/// The non-empty segments of `path`.
fn segments(path: &str) -> Vec<&str> {
    path.split('/').filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_has_one_bundle() {
        for p in [
            "/staf/masuk",
            "/kecamatan",
            "/kecamatan/permohonan/x/rekam",
            "/dinas",
        ] {
            assert_eq!(Bundle::of(p), Bundle::Staff, "{p}");
        }
        for p in ["/daftar", "/daftar/"] {
            assert_eq!(Bundle::of(p), Bundle::Resident, "{p}");
        }
        for p in [
            "/",
            "/daftar/selesai/K7Q",
            "/s",
            "/s/ABC",
            "/v",
            "/stafx",
            "/kecamatanku",
            "/x",
        ] {
            assert_eq!(Bundle::of(p), Bundle::Public, "{p}");
        }
    }
}
