//! The kecamatan staff console (tablet, 1280x800): queue, document check, biometric recording,
//! status and receipt, walk-in entry, and the outbox that keeps all writes safe on a weak
//! connection.
//!
//! Routes (registered in `routes/staff.rs`): `/kecamatan` (queue), `/kecamatan/baru` (walk-in entry),
//! `/kecamatan/permohonan/:id` (check), `.../rekam` (recording), `.../tanda-bukti` (status and
//! receipt), `/kecamatan/kiriman` (outbox), and the cards (`cards/`): `/kecamatan/kartu`,
//! `/kecamatan/kartu/terima` (receiving a shipment), `/kecamatan/kartu/serah` (handover).

mod application_page;
pub mod cards;
mod code_lookup;
mod document_item;
mod face_capture;
mod finger_slot;
mod outbox_entry;
mod outbox_page;
mod outcome_watch;
mod qr_scanner;
mod queue_page;
mod receipt_page;
pub mod recording_draft;
mod recording_page;
mod recording_status;
mod return_form;
mod shell;
mod signature_pad;
pub mod strings;
mod walk_in_page;

pub use application_page::ApplicationPage;
pub use cards::{CardsPage, HandoverPage, ReceivePage};
pub use code_lookup::CodeLookup;
pub use document_item::DocumentItem;
pub use face_capture::FaceCapture;
pub use finger_slot::FingerSlot;
pub use outbox_entry::OutboxEntry;
pub use outbox_page::OutboxPage;
pub use qr_scanner::QrScanner;
pub use queue_page::QueuePage;
pub use receipt_page::ReceiptPage;
pub use recording_page::RecordingPage;
pub use recording_status::RecordingStatus;
pub use return_form::ReturnForm;
pub use shell::KecamatanShell;
pub use signature_pad::SignaturePad;
pub use walk_in_page::{clear_draft as clear_walk_in_draft, WalkInPage};

use shared::api::ApplicationDetail;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Applications read in this page's life, by id: the recording screen shows whom it records
    /// even when the line dropped after the document check.
    static DETAILS: RefCell<HashMap<String, ApplicationDetail>> = RefCell::new(HashMap::new());
}

/// Keeps `d` for [`remembered_detail`].
pub fn remember_detail(d: &ApplicationDetail) {
    DETAILS.with(|m| m.borrow_mut().insert(d.id.clone(), d.clone()));
}

/// The last copy of an application read in this page's life.
pub fn remembered_detail(id: &str) -> Option<ApplicationDetail> {
    DETAILS.with(|m| m.borrow().get(id).cloned())
}
