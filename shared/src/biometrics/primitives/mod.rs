//! Small numeric building blocks shared by the extractor and the matcher.

pub(crate) mod angle;
pub(crate) mod grid;
