//! Storage: one module per table or bucket, holding all of its SQL with bound parameters.

pub mod applications;
pub mod audit;
pub mod documents;
pub mod files;
pub mod recordings;
pub mod staff;
