//! Storage: one module per table or bucket, holding all of its SQL with bound parameters. Rows
//! are decoded here into shared types; callers never see a stored string they must parse.

pub mod applications;
pub mod audit;
pub mod audit_chain;
pub mod card_prints;
pub mod case_records;
pub mod cases;
pub mod certificates;
pub mod clarifications;
pub mod coordinator;
pub mod dashboard;
pub mod dead_letters;
mod decode;
pub mod documents;
pub mod files;
pub mod flags;
pub mod gallery;
pub mod handovers;
pub mod held_releases;
pub mod idempotency_keys;
pub mod match_results;
pub mod matching_jobs;
pub mod pending_enrolments;
pub mod print_runs;
pub mod proposals;
pub mod recordings;
pub mod shipment_cards;
pub mod shipment_extras;
pub mod shipments;
pub mod sign_in_attempts;
pub mod staff;
pub mod stored_form;
pub mod subject_access;
pub mod transition_guard;
