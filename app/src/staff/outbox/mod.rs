//! The offline outbox: every verification, return and recording is first written to IndexedDB,
//! then sent, in the order made, whenever the network allows (at once, on the `online` event and
//! on a timer with backoff). Each item carries its idempotency key, so a replay after a lost
//! answer is accepted once; a 4xx refusal is final ("failed" with the reasons), never retried.
//!
//! One file per job: `item` (what is queued), `storage` (its IndexedDB records), `scheduler`
//! (when to send: the pump, backoff and timers), `transport` (the send, through the typed staff
//! client) and `rules` (what an answer means; when a refused action had already happened). A new
//! staff action is a variant of [`Action`], a call in `transport` and a line in `rules`.

mod item;
mod rules;
mod scheduler;
mod storage;
mod transport;

pub use item::{Action, FailedReason, Item, ItemState, RetryProblem};
pub use scheduler::{outbox, Outbox};
pub use storage::forget_sent;
