//! The regency office (dinas) console (desktop, 1440x900; usable at 1280x800): adjudication of
//! possible duplicates, printing, the Surat Keterangan and distribution, for dinas operators and
//! supervisors.
//!
//! A DUPLICATE_RECORD's clarification with the resident is recorded in its case; supervisors
//! see the flags raised for them above the case queue.
//!
//! Routes (registered in `routes/staff.rs`): `/dinas` (start), `/dinas/adjudikasi` (case
//! queue), `/dinas/adjudikasi/:case` (one case), `/dinas/cetak` (print queue and runs),
//! `/dinas/cetak/:run` (one run), `/dinas/cetak/:run/kartu` (its cards), `/dinas/surat-keterangan`,
//! `/dinas/distribusi` and `/dinas/distribusi/:shipment` (distribution), `/dinas/dasbor` (the
//! dashboard), `/dinas/audit` and `/dinas/audit/akses-subjek` (audit log, subject access).

pub mod audit;
mod case_notes;
mod case_page;
mod case_queue_page;
mod certificate_page;
mod certificate_sheet;
mod clarification_form;
mod clarification_strings;
mod dashboard;
pub mod distribution;
mod finger_grid;
mod flag_list;
mod form_errors;
mod home_page;
mod minutiae_overlay;
mod printing;
mod proposal_form;
mod record_pair;
mod review_panel;
mod section;
mod shell;
mod staff_image;
pub mod strings;
mod wording;
mod write_key;

pub use case_notes::CaseNotes;
pub use case_page::CasePage;
pub use case_queue_page::CaseQueuePage;
pub use certificate_page::CertificatePage;
pub use certificate_sheet::CertificateSheet;
pub use clarification_form::ClarificationForm;
pub use dashboard::DashboardPage;
pub use distribution::{DistributionPage, ShipmentPage};
pub use finger_grid::FingerGrid;
pub use flag_list::FlagList;
pub use form_errors::FormErrors;
pub use home_page::HomePage;
pub use minutiae_overlay::MinutiaeOverlay;
pub use printing::{CardPreviewPage, PrintQueuePage, PrintRunPage};
pub use proposal_form::ProposalForm;
pub use record_pair::RecordPair;
pub use review_panel::ReviewPanel;
pub use section::Section;
pub use shell::DinasShell;
pub use staff_image::StaffImage;
pub use write_key::WriteKey;
