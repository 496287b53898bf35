//! The print room (`/dinas/cetak`): the print queue by kecamatan and the runs, one run with its
//! blank-card ledger and each card's outcome, and the cards of a run at ID-1 size for preview
//! and the card printer.

mod ktp_card;
mod preview_page;
mod queue_page;
mod run_page;
mod strings;

pub use ktp_card::KtpCard;
pub use preview_page::CardPreviewPage;
pub use queue_page::PrintQueuePage;
pub use run_page::PrintRunPage;
