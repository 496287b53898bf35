//! HTTP handlers: parse the request into shared types, call a service, shape the response.

pub mod admin;
pub mod applications;
pub mod auth;
pub mod certificates;
pub mod dinas;
pub mod regions;
pub mod staff;
pub mod status;
