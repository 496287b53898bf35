//! What validation needs to know about regions, as a trait so the edge can plug in its database.

use crate::domain::RegionCode;

/// Whether a kecamatan code is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistrictStatus {
    /// In the current official list.
    Current,
    /// In an older official list only (e.g. Papua codes renumbered in 2022). A NIK keeps the
    /// kecamatan of first registration for life, so such a NIK is genuine: a warning, not an error.
    Retired,
    /// Never listed (as far as this directory knows).
    Unknown,
}

/// Region knowledge for validation. The browser knows provinces, regencies and districts; the
/// edge also knows villages.
pub trait RegionDirectory {
    /// Status of a district (kecamatan) code; codes of other levels are `Unknown`.
    fn district_status(&self, code: RegionCode) -> DistrictStatus;

    /// Whether a village exists; `None` when this directory does not carry villages (the
    /// browser build), in which case the check is left to the server.
    fn village_exists(&self, code: RegionCode) -> Option<bool>;

    /// Whether a province, regency or current district exists. Villages defer to
    /// [`RegionDirectory::village_exists`].
    fn exists(&self, code: RegionCode) -> Option<bool>;

    /// The official name of a current region (or of a retired district), if known.
    fn name(&self, code: RegionCode) -> Option<&str>;
}
