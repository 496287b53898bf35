//! The idempotency key of a write: made once on the device, kept with the draft or the outbox
//! item, and sent as the `Idempotency-Key` header of every try, so the server applies the write
//! once however often a weak line makes the client send it.

use crate::platform::random;
use serde::{Deserialize, Serialize};

/// One write's key (the device's random token, 32 hex digits when made here).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// A fresh key from the browser's CSPRNG; `None` when it has none (the caller says so).
    pub fn random() -> Option<IdempotencyKey> {
        random::hex_128().map(IdempotencyKey)
    }

    /// A key made earlier and kept on the device (a draft's, a recording's).
    pub fn from_stored(key: String) -> IdempotencyKey {
        IdempotencyKey(key)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
