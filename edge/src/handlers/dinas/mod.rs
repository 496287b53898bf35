//! Dinas endpoints: the adjudication console's cases.

pub mod cases;
