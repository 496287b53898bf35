//! The edge's request parsers (`edge/src/http/parse`), compiled here from the edge's own files:
//! the fuzz targets run production's code without building the Workers runtime's bindings, which
//! those files never use.

#[path = "../../src/http/parse/mod.rs"]
pub mod parse;
