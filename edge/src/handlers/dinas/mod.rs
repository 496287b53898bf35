//! Dinas endpoints: the adjudication console's cases.

pub mod cases;
pub mod dashboard;
