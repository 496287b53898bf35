//! Dinas endpoints: the adjudication console's cases, the print room and distribution.

pub mod cases;
pub mod distribution;
pub mod printing;
