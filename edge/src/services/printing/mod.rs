//! Card personalisation at the dinas: the print queue, print runs of one kecamatan's
//! PRINT_READY_RECORD applications (moved to SENT_FOR_CARD_PRINTING in one guarded batch), each
//! blank card's outcome (printed -> CARD_PRINTED through the transition path, spoiled, or a
//! reprint that voids the card it replaces in the same batch), the run's blank-card ledger that
//! must balance before it closes, the card previews and the signed chip data.
//!
//! Rules kept here: only the dinas reaches these routes (anyone else: 403); only a dinas
//! operator writes (the life cycle gives printing to that role); every card shown, every
//! image and every chip data file is an audited read of personal data; writes are idempotent on
//! `Idempotency-Key`.

mod card_text;
pub mod cards;
pub mod chip;
pub mod preview;
pub mod queue;
mod rules;
pub mod runs;
