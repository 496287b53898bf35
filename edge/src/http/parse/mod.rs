//! What the edge reads out of a request before any handler's logic, as pure functions of text and
//! bytes: the body under its ceiling, media types, where a browser says a request came from, the
//! session cookie, and the type a stored upload is served as. The handlers call these through
//! the runtime glue beside this folder (`body.rs`, `cross_site.rs`, `stored_file.rs`, the auth
//! service).
//!
//! Nothing in this folder may use the Workers runtime or the rest of the edge (only `std` and
//! `shared`): the fuzz targets (`edge/fuzz`) compile these very files on their own, so that they
//! run production's code without building the runtime's bindings.

pub mod ceiling;
pub mod content_type;
pub mod cookies;
pub mod fetch_site;
pub mod served_type;
