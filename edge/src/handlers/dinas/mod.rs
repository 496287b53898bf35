//! Dinas endpoints: the adjudication console's cases, and distribution.

pub mod cases;
pub mod distribution;
