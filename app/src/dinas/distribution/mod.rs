//! The Distribusi section (`/dinas/distribusi`): printed cards waiting per kecamatan and packing
//! them into a shipment, the shipments with what each kecamatan found missing or extra, the
//! cards uncollected at every kecamatan, and one shipment's printable manifest with its QR
//! (`/dinas/distribusi/:id`).

mod distribution_page;
mod manifest_sheet;
mod shipment_page;
pub mod strings;
mod wording;

pub use distribution_page::DistributionPage;
pub use manifest_sheet::ManifestSheet;
pub use shipment_page::ShipmentPage;
