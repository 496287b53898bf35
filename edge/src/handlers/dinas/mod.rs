//! Dinas endpoints: the adjudication console's cases and the print room.

pub mod cases;
pub mod printing;
