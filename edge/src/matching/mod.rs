//! The matching worker: the enrollment queue's consumer, the coordinator Durable Object that
//! serialises search-then-enrol, and the gallery shards that hold reference ids and templates.
//!
//! Nothing here ever sees a name or NIK: the queue message carries a random reference id and
//! templates, and only the consumer maps the reference id to an application (in D1) to move its
//! stage. Pure search logic is `biometrics::search`; this module decides storage,
//! sharding and fan-out.

pub mod consumer;
pub mod coordinator;
pub mod dead_letters;
pub mod gallery_shard;
pub(crate) mod messages;
mod serial;
pub(crate) mod templates;
