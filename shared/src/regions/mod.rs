//! Region knowledge: the `RegionDirectory` trait validation asks, and the tables bundled at build time.

mod bundled;
mod directory;
// Name lookups are unused without the `region-names` feature.
#[cfg_attr(not(feature = "region-names"), allow(dead_code))]
mod packed;

pub use bundled::BundledRegions;
pub use directory::{DistrictStatus, RegionDirectory};

#[cfg(feature = "region-names")]
use crate::{api::RegionEntry, domain::RegionCode};

#[cfg(feature = "region-names")]
/// All provinces, for the first region picker (shorthand for [`BundledRegions::provinces`]).
pub fn provinces() -> Vec<RegionEntry> {
    BundledRegions.provinces()
}

#[cfg(feature = "region-names")]
/// The regions directly inside `parent`, for the next picker (see [`BundledRegions::children`]).
pub fn children(parent: RegionCode) -> Vec<RegionEntry> {
    BundledRegions.children(parent)
}

#[cfg(test)]
mod tests;
