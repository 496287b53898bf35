//! Services: the logic that needs bindings, between thin handlers and storage.

pub mod auth;
pub mod random;
pub mod rate_limit;
pub mod recording;
pub mod submit_application;
pub mod timeline;
pub mod transitions;
