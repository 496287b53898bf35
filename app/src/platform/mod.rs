//! Thin wrappers over browser APIs (fetch, storage, IndexedDB, canvas, randomness, clock), so views and
//! the draft model never touch `web_sys` plumbing. On a native build (clippy, unit tests) these
//! compile but are never called.

pub mod camera;
pub mod clock;
pub mod http;
pub mod idb;
pub mod image;
pub mod random;
pub mod storage;
