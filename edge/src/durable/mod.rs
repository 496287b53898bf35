//! Durable Object classes, one per file. Each is exported to the runtime by its macro.

pub mod rate_limiter;
