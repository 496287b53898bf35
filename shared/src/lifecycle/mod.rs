//! The application's life cycle: stages, actors, events, the one transition function, and the
//! Surat Keterangan kept beside it.

mod actor;
mod certificate;
mod event;
mod presentation;
mod staff_action;
mod stage;
mod transition;

pub use actor::Actor;
pub use certificate::{
    issue_certificate, revoke_certificate, Certificate, CertificateRefusal, CertificateStatus,
    CERTIFICATE_VALIDITY_MONTHS,
};
pub use event::{Adjudication, DuplicateResolution, Event, ReturnReason, ReturnReasons};
pub use presentation::{hands_in_old_card, receipt_instruction, Meaning};
pub use staff_action::{allowed_actions, StaffAction};
pub use stage::{NextAction, Stage};
pub use transition::{allowed_events, transition, Refusal};
