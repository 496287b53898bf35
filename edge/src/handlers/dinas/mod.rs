//! Dinas endpoints: the adjudication console's cases.

pub mod audit;
pub mod cases;
pub mod dashboard;
