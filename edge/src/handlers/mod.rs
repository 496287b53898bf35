//! HTTP handlers: parse the request into shared types, call a service, shape the response.

pub mod applications;
pub mod regions;
pub mod status;
