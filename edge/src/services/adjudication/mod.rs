//! The dinas adjudication console: cases of held recordings, claims, two-person proposals,
//! clarifications with the resident, and the enrolment owed after a "not a duplicate" approval.
//!
//! Rules kept here (the stage rules themselves are `shared::lifecycle`'s): only dinas operators
//! and supervisors reach a case (anyone else: 403); every write needs the caller's live claim
//! (opening the case claims it; 409 `case_held` while another's is live, `claim_required` when
//! the caller's lapsed) and is idempotent on `Idempotency-Key`; nobody proposes, approves or
//! clarifies on a record they recorded (the probe's or any of its candidates' recording
//! operator); the approver is a supervisor other than the proposer; only the approval moves the
//! application, through the one transition path; every case view and decision is audited.

pub mod clarify;
pub mod decide;
pub mod enrol;
pub mod flags;
pub mod list;
pub mod overlay;
pub mod release;
mod rules;
pub mod view;
mod write;
