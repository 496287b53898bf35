//! Services: the logic that needs bindings, between thin handlers and storage.

pub mod adjudication;
pub mod audit_chain;
pub mod audit_viewer;
pub mod auth;
pub mod certificate_document;
pub mod certificate_ends;
pub mod certificate_keys;
pub mod certificates;
pub mod dashboard;
pub mod distribution;
pub mod enrolment_redrive;
pub mod idempotency;
pub mod printing;
pub mod random;
pub mod rate_limit;
pub mod recording;
pub mod refusal_audit;
pub mod retention;
pub mod sign_in_throttle;
pub mod staff_actions;
pub mod staff_admin;
pub mod staff_reads;
pub mod subject_access;
pub mod submit_application;
pub mod timeline;
pub mod transition;
