//! Region knowledge: the `RegionDirectory` trait validation asks, and the tables bundled at build time.

mod bundled;
mod directory;
mod packed;

pub use bundled::BundledRegions;
pub use directory::{DistrictStatus, RegionDirectory};

use crate::api::RegionEntry;
use crate::domain::RegionCode;

/// All provinces, for the first region picker (shorthand for [`BundledRegions::provinces`]).
pub fn provinces() -> Vec<RegionEntry> {
    BundledRegions.provinces()
}

/// The regions directly inside `parent`, for the next picker (see [`BundledRegions::children`]).
pub fn children(parent: RegionCode) -> Vec<RegionEntry> {
    BundledRegions.children(parent)
}

#[cfg(test)]
mod tests;
