//! Region knowledge: the `RegionDirectory` trait validation asks, and the tables bundled at build time.

mod bundled;
mod directory;
mod packed;

pub use bundled::BundledRegions;
pub use directory::{DistrictStatus, RegionDirectory};

#[cfg(test)]
mod tests;
