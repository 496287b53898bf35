//! Services: the logic that needs bindings, between thin handlers and storage.

pub mod rate_limit;
pub mod submit_application;
