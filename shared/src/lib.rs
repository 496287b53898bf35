//! Rekam's shared crate: the one source of truth used by the browser app and the edge worker.
//!
//! It holds the domain model, validation, the application life cycle and the HTTP API types; the
//! fingerprint engine is its own crate (`biometrics`, in `shared/biometrics/`), of which this one
//! uses only the template wire form. It does no I/O, reads no clock (callers pass `today`) and
//! depends on neither `worker`, `leptos` nor `web-sys`; CI checks that.

pub mod api;
pub mod audit;
pub mod auth;
pub mod domain;
pub mod i18n;
pub mod lifecycle;
pub mod printing;
pub mod regions;
pub mod signed;
pub mod validation;
