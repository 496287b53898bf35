//! Navigation inside one bundle: the current path as a signal, push navigation, back/forward, and
//! same-bundle `<a href>` clicks turned into navigations without a page load.
//!
//! Hand-written instead of `leptos_router` because the router alone weighed about 55 KB of the
//! resident's gzipped first load (measured: the pre-fill bundle 308 KB with it, 254 KB without),
//! against a 250 KB budget. The route tables are plain `match`es on path segments (`routes/`).

mod location;

pub use location::{navigate, provide_location, use_location, Location};
