//! Dinas endpoints: the adjudication console's cases, the print room and distribution.

pub mod audit;
pub mod cases;
pub mod dashboard;
pub mod distribution;
pub mod printing;
